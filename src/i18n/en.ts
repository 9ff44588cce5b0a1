/** Every word of the English e-mails. */
import { isDay, utcInstant } from './dates.js';
import type { Wording } from './types.js';

export const en: Wording = {
  language: 'en',

  subjects: {
    agreements: ({ economies, phase }) => `MRA ${economies.join(' – ')}, Phase ${phase}`,
    accreditations: ({ certificateNumber, cab }) => `Accreditation ${certificateNumber} of ${cab}`,
    recognitions: ({ cab, importingCode }) => `Recognition of ${cab} by ${importingCode}`,
    'test-reports': ({ reportNumber, model, importingCode }) => `Test report ${reportNumber} (${model}) for ${importingCode}`,
  },

  nouns: {
    agreements: 'agreement',
    accreditations: 'accreditation',
    recognitions: 'recognition',
    'test-reports': 'test report',
  },

  states: {
    agreements: {
      negotiating: 'being negotiated',
      confidence_building: 'confidence-building period',
      operational: 'operational',
      suspended: 'suspended',
      terminated: 'terminated',
    },
    accreditations: {
      active: 'active',
      renewal_due: 'due for renewal',
      renewal_submitted: 'renewal submitted',
      suspended: 'suspended',
      lapsed: 'lapsed',
      withdrawn: 'withdrawn',
    },
    recognitions: {
      pending: 'pending review',
      info_requested: 'waiting for information',
      recognized: 'recognized',
      suspended: 'suspended',
      lapsed: 'lapsed',
      objected: 'objected to',
      withdrawn: 'withdrawn',
      expired: 'expired',
    },
    'test-reports': {
      screening: 'being screened',
      under_review: 'under review',
      info_requested: 'waiting for information',
      accepted: 'accepted',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
      revoked: 'revoked',
      expired: 'expired',
    },
  },

  events: {
    agreements: {
      CREATE: 'Agreement proposed',
      SIGN: 'Signed for {economy}',
      TRANSITION_ENDED: 'Confidence-building period ended',
      SUSPEND: 'Suspended',
      RESUME: 'Resumed',
      AMEND_SCOPE: 'Scope amended',
      TERMINATE: 'Terminated',
    },
    accreditations: {
      CREATE: 'Accreditation granted',
      RENEWAL_DUE: 'Renewal due',
      RENEWAL_SUBMITTED: 'Renewal submitted',
      RENEW: 'Renewed',
      EXPIRED: 'Validity ended',
      SUSPEND: 'Suspended',
      REINSTATE: 'Reinstated',
      WITHDRAW: 'Withdrawn',
    },
    recognitions: {
      CREATE: 'Recognition applied for',
      REQUEST_INFO: 'Information requested',
      PROVIDE_INFO: 'Information provided',
      RECOGNIZE: 'Recognized',
      OBJECT: 'Objected to',
      SUSPEND: 'Suspended',
      LIFT_SUSPENSION: 'Suspension lifted',
      WITHDRAW: 'Withdrawn by the designating authority',
      DERECOGNIZE: 'Derecognized by the importing regulator',
      RENEW: 'Renewal applied for',
      REVIEW_OVERDUE: 'Review overdue',
      LISTING_EXPIRY_REMINDER: 'Listing ends soon',
      LISTING_EXPIRED: 'Listing ended',
      AGREEMENT_TERMINATED: 'Agreement terminated',
      ACCREDITATION_LAPSED: 'Accreditation no longer active',
      ACCREDITATION_RESTORED: 'Accreditation restored',
    },
    'test-reports': {
      CREATE: 'Submitted',
      ACCEPT: 'Accepted',
      REJECT: 'Rejected',
      REQUEST_INFO: 'Information requested',
      PROVIDE_INFO: 'Information provided',
      WITHDRAW: 'Withdrawn by the lab',
      REVOKE: 'Acceptance revoked',
      REVIEW_OVERDUE: 'Review overdue',
      EXPIRED: 'Acceptance ended',
      LAB_RECOGNITION_ENDED: "The lab's recognition ended",
    },
  },

  unchanged: {
    agreements: { SIGN: 'signed for {economy}', AMEND_SCOPE: 'scope amended' },
    accreditations: {},
    recognitions: { REVIEW_OVERDUE: 'review overdue', LISTING_EXPIRY_REMINDER: 'listing ends soon' },
    'test-reports': { REVIEW_OVERDUE: 'review overdue' },
  },

  next: {
    agreements: {
      negotiating: 'The agreement comes into operation once the regulators of both economies have signed it.',
      confidence_building:
        'Both sides have signed. No recognition applications are taken during the confidence-building period; the agreement becomes operational when the period ends.',
      operational:
        'The agreement is in force: designating authorities may apply for the recognition of their labs and certification bodies, and test reports of recognized labs are taken for review.',
      suspended: 'While the agreement is suspended, new test reports under it are rejected at screening. Either regulator may resume it.',
      terminated: 'The agreement has ended. Its recognitions are withdrawn, and the pending test reports of the labs concerned are rejected.',
    },
    accreditations: {
      active: 'The accreditation is active. The CAB will be reminded to renew it before it ends.',
      renewal_due:
        "The accreditation ends soon. The CAB should submit its renewal; without one, the accreditation lapses when its validity ends and the CAB's recognitions lapse with it.",
      renewal_submitted: 'The renewal is with the accreditation body, which may renew the accreditation with a new end date.',
      suspended: "While the accreditation is suspended, the CAB's recognitions have lapsed; they are restored if the accreditation body reinstates it.",
      lapsed: "The accreditation has lapsed. The CAB's recognitions have lapsed too, and its pending test reports are rejected.",
      withdrawn: "The accreditation has been withdrawn for good. The CAB's recognitions have lapsed, and its pending test reports are rejected.",
    },
    recognitions: {
      pending:
        'The importing regulator reviews the application: it may recognize the CAB, ask for more information or object. The parties are reminded if there is no decision by the review deadline.',
      info_requested: 'The importing regulator needs more information. The designating authority or the CAB should answer; the review resumes once they have.',
      recognized:
        "The CAB is listed: the importing regulator takes its test reports within the scope for review until the listing ends. The designating authority may apply for renewal before then.",
      suspended:
        'While the recognition is suspended, test reports of tests made in that time are rejected at screening. Either authority may lift the suspension while the listing is valid.',
      lapsed:
        "The recognition has lapsed because the CAB's accreditation is no longer active, and its pending test reports are rejected. It is restored if the accreditation is reinstated while the listing is valid.",
      objected: 'The application is closed. The designating authority may make a new one.',
      withdrawn: 'The recognition has ended: the CAB is no longer listed, and its pending test reports are rejected.',
      expired: 'The listing has ended. The CAB needs a new recognition for its test reports to be accepted.',
    },
    'test-reports': {
      screening: 'The report is being screened.',
      under_review:
        'The importing regulator reviews the report: it may accept it, reject it or ask for more information. The parties are reminded if there is no decision by the review deadline.',
      info_requested: 'The importing regulator needs more information from the lab; the review resumes once the lab has answered.',
      accepted: 'The report is accepted in the importing economy until its acceptance ends; the importer may rely on it. The regulator may revoke the acceptance.',
      rejected: 'The report is not accepted. The lab may submit a new report once the reasons are resolved.',
      withdrawn: 'The lab withdrew the report; nothing more happens to it.',
      revoked: 'The acceptance was revoked; the report can no longer be relied on.',
      expired: 'The acceptance has ended; a new report is needed.',
    },
  },

  deadlines: {
    agreements: { TRANSITION_ENDED: 'End of the confidence-building period' },
    accreditations: { RENEWAL_DUE: 'Renewal reminder', EXPIRED: 'End of validity' },
    recognitions: {
      REVIEW_OVERDUE: 'Review deadline',
      LISTING_EXPIRY_REMINDER: 'Listing expiry reminder',
      LISTING_EXPIRED: 'End of the listing',
    },
    'test-reports': { REVIEW_OVERDUE: 'Review deadline', EXPIRED: 'End of the acceptance' },
  },

  reasons: {
    LAB_NOT_RECOGNIZED: 'The lab was not recognized by the importing economy on the test date',
    SCOPE_NOT_COVERED: "The lab's recognition did not cover every regulation of the report on the test date",
    ACCREDITATION_NOT_ACTIVE: "The lab's accreditation was not active on the test date",
    AGREEMENT_NOT_OPERATIONAL: "No operational agreement covers the lab's economy",
    SUBCONTRACTOR_NOT_RECOGNIZED: 'A subcontracted lab was not recognized on the test date',
    REGULATION_RETIRED: 'A regulation of the report has been retired',
    REJECTED_BY_REGULATOR: 'Rejected by the importing regulator',
    LAB_RECOGNITION_ENDED: "The lab's recognition ended before a decision",
  },

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
    title: 'Title',
    economies: 'Economies',
    phase: 'Phase',
    scopeOf: (economy) => `Scope in ${economy}`,
    transitionEndsAt: 'Confidence building until',
    cab: 'CAB',
    standard: 'Standard',
    certificateNumber: 'Certificate',
    validity: 'Valid',
    importingEconomy: 'Importing economy',
    designationNumber: 'Designation number',
    listedUntil: 'Listed until',
    scope: 'Scope',
    reportNumber: 'Report number',
    lab: 'Lab',
    equipment: 'Equipment',
    regulations: () => 'Regulations',
    testedAt: 'Tested on',
    acceptedUntil: 'Accepted until',
    importer: 'Importer',
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
};
