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
      terminating: 'under notice of termination',
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
      contested: "competence contested",
      verification: 'under joint verification',
      lapsed: 'lapsed',
      objected: 'objected to',
      withdrawn: 'withdrawn',
      expired: 'expired',
    },
    'test-reports': {
      screening: 'being screened',
      under_review: 'under review',
      info_requested: 'waiting for information',
      on_hold: "on hold: the lab's recognition is suspended",
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
      AMEND_SCOPE: 'Scope amended for {economy}',
      TERMINATE: 'Negotiations ended',
      GIVE_NOTICE: 'Notice of termination given by {economy}',
      WITHDRAW_NOTICE: 'Notice of termination withdrawn by {economy}',
      NOTICE_EFFECTIVE: 'Terminated at the end of the notice period',
    },
    accreditations: {
      CREATE: 'Accreditation granted',
      RENEWAL_DUE: 'Renewal due',
      RENEWAL_SUBMITTED: 'Renewal submitted',
      RENEW: 'Renewed',
      EXPIRED: 'Validity ended',
      SUSPEND: 'Suspended',
      REINSTATE: 'Reinstated',
      REACCREDIT: 'Re-accredited for a new cycle',
      WITHDRAW: 'Withdrawn',
    },
    recognitions: {
      CREATE: 'Recognition applied for',
      REQUEST_INFO: 'Information requested',
      PROVIDE_INFO: 'Information provided',
      RECOGNIZE: 'Recognized',
      OBJECT: 'Objected to',
      SUSPEND: 'Suspended',
      LIFT_SUSPENSION: 'Suspension lifted by {economy}',
      CONTEST: "CAB's competence contested",
      ANSWER_CONTEST: 'Answer to the contest',
      CONFIRM_CONTEST: 'Contest confirmed by the designating authority',
      OPPOSE_CONTEST: 'Contest opposed: joint verification',
      CLOSE_CONTEST: 'Contest closed',
      CONTEST_POSITION_DUE: 'No position on the contest by its deadline',
      INFO_REMINDER: 'Reminder: information still awaited',
      INFO_OVERDUE: 'Information not given by its deadline',
      SCOPE_NARROWED: 'Scope narrowed: regulations removed from the agreement',
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
      RECOGNITION_SUSPENDED: "Put on hold: the lab's recognition is suspended",
      RECOGNITION_RESUMED: "Review resumed: the lab's recognition is back in force",
      RECOGNITION_SCOPE_NARROWED: 'A regulation of the report was removed from the agreement',
      INFO_REMINDER: 'Reminder: information still awaited',
      INFO_OVERDUE: 'Information not given by its deadline',
    },
  },

  unchanged: {
    agreements: {
      SIGN: 'signed for {economy}',
      AMEND_SCOPE: 'scope amended for {economy}',
      SUSPEND: 'also suspended by {economy}',
      RESUME: '{economy} lifted its suspension; another remains',
    },
    accreditations: {},
    recognitions: {
      REVIEW_OVERDUE: 'review overdue',
      LISTING_EXPIRY_REMINDER: 'listing ends soon',
      SUSPEND: 'suspended (in part, or by a second authority)',
      LIFT_SUSPENSION: 'a suspension lifted by {economy}',
      ANSWER_CONTEST: 'answer to the contest',
      CONFIRM_CONTEST: 'contest confirmed',
      CONTEST_POSITION_DUE: 'no position on the contest',
      INFO_REMINDER: 'information still awaited',
      SCOPE_NARROWED: 'scope narrowed',
    },
    'test-reports': { REVIEW_OVERDUE: 'review overdue', INFO_REMINDER: 'information still awaited' },
  },

  next: {
    agreements: {
      negotiating: 'The agreement comes into operation once the regulators of both economies have signed it.',
      confidence_building:
        'Both sides have signed. No recognition applications are taken during the confidence-building period; the agreement becomes operational when the period ends.',
      operational:
        'The agreement is in force: designating authorities may apply for the recognition of their labs and certification bodies, and test reports of recognized labs are taken for review.',
      suspended:
        'While the agreement is suspended, new test reports under it are rejected at screening. Each regulator resumes only its own suspension; the agreement is back in operation when none remains.',
      terminating:
        'Notice of termination has been given. The agreement stays in force until the effective date, then ends; the regulator that gave notice may withdraw it before then. Test reports accepted before the effective date stay accepted.',
      terminated:
        'The agreement has ended. Its recognitions are withdrawn and the pending test reports of the labs concerned are rejected; reports accepted before the end stay accepted.',
    },
    accreditations: {
      active: 'The accreditation is active. The CAB will be reminded to renew it before it ends.',
      renewal_due:
        "The accreditation ends soon. The CAB should submit its renewal; without one, the accreditation lapses when its validity ends and the CAB's recognitions lapse with it.",
      renewal_submitted: 'The renewal is with the accreditation body, which may renew the accreditation with a new end date.',
      suspended: "While the accreditation is suspended, the CAB's recognitions have lapsed; they are restored if the accreditation body reinstates it.",
      lapsed:
        "The accreditation has lapsed. The CAB's recognitions have lapsed too, and its pending test reports are rejected. The accreditation body may re-accredit the CAB for a new cycle, which restores its recognitions whose listing is still valid.",
      withdrawn: "The accreditation has been withdrawn for good. The CAB's recognitions have lapsed, and its pending test reports are rejected.",
    },
    recognitions: {
      pending:
        'The importing regulator reviews the application: it may recognize the CAB, ask for more information or object. The parties are reminded if there is no decision by the review deadline.',
      info_requested: 'The importing regulator needs more information. The designating authority or the CAB should answer; the review resumes once they have.',
      recognized:
        "The CAB is listed: the importing regulator takes its test reports within the scope for review until the listing ends. The designating authority may apply for renewal before then.",
      suspended:
        "While the recognition is suspended, test reports of tests made in that time are rejected at screening and the lab's reports under review are on hold. Each authority lifts only its own suspension; the recognition is back in force when none remains.",
      contested:
        "The importing regulator contests the CAB's competence. The CAB and its designating authority may answer; the designating authority confirms or opposes the contest. After the answer period the regulator may close the contest, suspend or withdraw the recognition. Meanwhile the recognition stays in force and test reports are reviewed as usual.",
      verification:
        "The designating authority opposes the contest: the two sides verify the CAB's competence jointly. The importing regulator then closes the contest, suspends or withdraws the recognition. Meanwhile the recognition stays in force.",
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
      info_requested:
        'The importing regulator needs more information from the lab; the review resumes once the lab has answered. Without an answer by the deadline the report goes back to the regulator, or is rejected if the request said so.',
      on_hold:
        "The lab's recognition is suspended: the review waits until the suspension is lifted. The regulator may still reject the report and the lab may withdraw it.",
      accepted: 'The report is accepted in the importing economy until its acceptance ends; the importer may rely on it. The regulator may revoke the acceptance.',
      rejected: 'The report is not accepted. The lab may submit a new report once the reasons are resolved.',
      withdrawn: 'The lab withdrew the report; nothing more happens to it.',
      revoked: 'The acceptance was revoked; the report can no longer be relied on.',
      expired: 'The acceptance has ended; a new report is needed.',
    },
  },

  deadlines: {
    agreements: { TRANSITION_ENDED: 'End of the confidence-building period', NOTICE_EFFECTIVE: 'Effective date of the notice of termination' },
    accreditations: { RENEWAL_DUE: 'Renewal reminder', EXPIRED: 'End of validity' },
    recognitions: {
      REVIEW_OVERDUE: 'Review deadline',
      INFO_REMINDER: 'Reminder to answer',
      INFO_OVERDUE: 'Deadline to answer',
      CONTEST_POSITION_DUE: 'Deadline to confirm or oppose the contest',
      LISTING_EXPIRY_REMINDER: 'Listing expiry reminder',
      LISTING_EXPIRED: 'End of the listing',
    },
    'test-reports': {
      REVIEW_OVERDUE: 'Review deadline',
      EXPIRED: 'End of the acceptance',
      INFO_REMINDER: 'Reminder to answer',
      INFO_OVERDUE: 'Deadline to answer',
    },
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
    SCOPE_REMOVED: 'The importing economy removed a regulation of the report from the agreement before a decision',
    INFO_NOT_PROVIDED: 'The information asked for was not given by its deadline',
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
    reasonsGiven: 'Grounds',
    answerBy: 'Answers until',
    positionBy: 'Confirm or oppose by',
    effectiveAt: 'Takes effect on',
    regulationsNamed: 'Regulations concerned',
    removed: 'Regulations removed',
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
