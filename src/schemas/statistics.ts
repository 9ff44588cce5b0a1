/** The query and the answer of the arrangement's statistics (`GET /public/statistics`, `src/public/statistics.ts`). */
import { SCHEMA_BASE, economyCode } from './common.js';

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A date, YYYY-MM-DD (UTC).' } as const;

export const publicStatisticsQuery = {
  $id: `${SCHEMA_BASE}queries/public-statistics`,
  type: 'object',
  properties: {
    from: { ...day, description: 'The first day of the period, YYYY-MM-DD (UTC); by default twelve months before `to`.' },
    to: { ...day, description: 'The last day of the period, YYYY-MM-DD (UTC), included; by default today.' },
  },
  additionalProperties: false,
} as const;

const count = { type: 'integer', minimum: 0 } as const;

const processingTimes = {
  type: 'object',
  description: 'How long decisions took, from submission to decision, in days, against the period the procedure sets.',
  properties: {
    decisions: { ...count, description: 'Decisions in the period the times are measured on.' },
    medianDays: { type: ['number', 'null'], description: 'Half of the decisions took at most this many days (nearest rank).' },
    percentile90Days: { type: ['number', 'null'], description: 'Nine in ten decisions took at most this many days (nearest rank).' },
    periodSetting: { type: 'string', description: 'The duration that sets the period (docs/domain.md, "Default durations").' },
    period: { type: 'string', description: 'The period as configured, in words ("27 working days").' },
    withinPeriod: { ...count, description: 'Decisions made within the period from their submission.' },
  },
  required: ['decisions', 'medianDays', 'percentile90Days', 'periodSetting', 'period', 'withinPeriod'],
} as const;

export const publicStatistics = {
  $id: `${SCHEMA_BASE}responses/public-statistics`,
  title: 'What happened under the arrangement in a period, per pair of economies',
  type: 'object',
  properties: {
    from: day,
    to: day,
    pairs: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          exportingEconomy: economyCode,
          importingEconomy: economyCode,
          recognitions: {
            type: 'object',
            properties: {
              recognized: { ...count, description: 'Recognitions granted or renewed in the period.' },
              suspended: { ...count, description: 'Recognitions suspended in the period (wholly or for some regulations), lifted since or not.' },
              withdrawn: { ...count, description: 'Recognitions withdrawn in the period.' },
              objected: { ...count, description: 'Applications refused in the period.' },
              processing: { ...processingTimes, description: 'From the application (or the request for renewal) to the decision (RECOGNIZE or OBJECT).' },
            },
            required: ['recognized', 'suspended', 'withdrawn', 'objected', 'processing'],
          },
          testReports: {
            type: 'object',
            properties: {
              accepted: count,
              rejected: { ...count, description: 'Every rejection in the period, at screening and by the regulator alike.' },
              reasons: {
                type: 'array',
                description: 'The rejections by reason code, most frequent first.',
                items: { type: 'object', properties: { code: { type: 'string' }, count }, required: ['code', 'count'] },
              },
              processing: { ...processingTimes, description: 'From submission to the regulator’s decision (ACCEPT or REJECT).' },
            },
            required: ['accepted', 'rejected', 'reasons', 'processing'],
          },
        },
        required: ['exportingEconomy', 'importingEconomy', 'recognitions', 'testReports'],
      },
    },
  },
  required: ['from', 'to', 'pairs'],
} as const;
