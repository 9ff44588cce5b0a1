/** Every word of the English e-mails. */
import { isDay, utcInstant } from './dates.js';
import { withKindWords } from './kind-tables.js';
import type { GeneralWording, Wording } from './types.js';

const general: GeneralWording = {
  language: 'en',

  roles: {
    regulator: 'regulator',
    designating_authority: 'designating authority',
    accreditation_body: 'accreditation body',
    lab: 'lab',
    importer: 'importer',
    admin: 'administrator',
    system: 'MRA Engine',
    cab: 'conformity assessment body',
  },

  labels: {
    happened: 'What happened',
    by: 'By',
    when: 'When',
    cause: 'Why',
    reason: 'Reason',
    comment: 'Comment',
    request: 'Information requested',
    response: 'Response',
    reasonsGiven: 'Grounds',
    answerBy: 'Answers until',
    positionBy: 'Confirm or oppose by',
    effectiveAt: 'Takes effect on',
    regulationsNamed: 'Regulations concerned',
    removed: 'Regulations removed',
    reasons: 'Reasons',
    next: 'What happens next',
    deadlines: 'Deadlines',
    link: 'View details',
  },

  greeting: (name) => `Dear ${name},`,
  actor: ({ name, role, economy, automatic }) =>
    automatic ? 'MRA Engine (automatic)' : `${name}, ${role}${economy === null ? '' : `, ${economy}`}`,
  causeDeadline: (deadline, dueAt) => `${deadline}, due ${dueAt}`,
  causeCascade: (noun, id, state) => `Follows from ${noun} ${id}, now ${state}`,
  change: (from, to) => `${from} → ${to}`,
  instant: (iso) => (isDay(iso) ? iso.slice(0, 10) : utcInstant(iso)),
  date: (iso) => iso.slice(0, 10),
  period: (from, until) => `${from.slice(0, 10)} – ${until.slice(0, 10)}`,
  regulation: (id) => id,
  footer: ({ role, economy, noun }) => [
    `You receive this e-mail as a party to this ${noun}: ${role}${economy === null ? '' : `, ${economy}`}.`,
    'It was sent automatically by the MRA Engine; replies to it are not read.',
  ],
  watch: {
    watched: 'You watch',
    instance: (noun) => `this ${noun}`,
    model: ({ model, manufacturer, economy }) => `the equipment model ${model} of ${manufacturer} in ${economy}`,
    recognition: ({ cab, economy }) => `the recognition of ${cab} by ${economy}`,
    footer: (watchId) => [
      `You receive this e-mail because you watch this (watch ${watchId}). To stop, remove the watch: POST /watches/${watchId}/remove.`,
      'It was sent automatically by the MRA Engine; replies to it are not read.',
    ],
  },
  signIn: {
    subject: 'Your sign-in link to the MRA Engine',
    heading: 'How to sign in',
    text: (until) =>
      `Someone, most likely you, asked to sign in to the MRA Engine with this address. Open the link below to sign in. ` +
      `It works once, until ${until}. If you did not ask for it, ignore this e-mail: nobody can sign in without the link.`,
    link: 'Sign in',
    footer: [
      'You receive this e-mail because a sign-in link was requested for your address.',
      'It was sent automatically by the MRA Engine; replies to it are not read.',
    ],
  },
};

/** The English e-mail wording, every registered kind's words included. */
export const en: Wording = withKindWords(general);
