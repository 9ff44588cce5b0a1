/**
 * The permanent public pages: a CAB's standing in one importing economy (status per regulation,
 * suspensions, accreditation, history) and one listed test report (regulations, validity,
 * documents' fingerprints, history), and one certificate once in force (Phase II). Read from
 * `src/public/records.ts`, as their JSON twins are.
 */
import type { ComponentChildren } from 'preact';
import { publicRecordTexts } from '../../../i18n/pages/public-records.js';
import type { CabRecognition, CabStanding, CertificateRecord, StatusChange, TestReportRecord } from '../../../public/records.js';
import type { EconomyRecord } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { Day, economyName, StateTag } from '../components/names.js';
import { ScrollingTable } from '../components/scrolling-table.js';

type Economies = ReadonlyMap<string, EconomyRecord>;

/** The page of a CAB in an importing economy, and of a report: one address each, kept for good. */
export const cabPagePath = (cabId: string, importingEconomy: string) => `/register/cabs/${encodeURIComponent(cabId)}/${encodeURIComponent(importingEconomy)}`;
export const reportPagePath = (id: string) => `/register/test-reports/${encodeURIComponent(id)}`;

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function History({ context, kind, entries, submitted }: { context: PageContext; kind: 'recognitions' | 'test-reports'; entries: StatusChange[]; submitted?: string }) {
  const words = publicRecordTexts[context.language].cab;
  return (
    <ScrollingTable label={words.historyHeading}>
      <table>
        <thead>
          <tr>
            <th scope="col">{words.historyColumns.at}</th>
            <th scope="col">{words.historyColumns.event}</th>
            <th scope="col">{words.historyColumns.status}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td><Day context={context} iso={e.at} /></td>
              <td>
                {words.events[e.event] ?? words.otherEvent}
                {e.by && <> · {words.sides[e.by](null)}</>}
                {e.regulations && <> · {e.regulations.join(', ')}</>}
              </td>
              <td>{e.status === 'submitted' ? submitted : <StateTag context={context} kind={kind} state={e.status} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function Recognition({ context, recognition }: { context: PageContext; recognition: CabRecognition }) {
  const words = publicRecordTexts[context.language].cab;
  const number = recognition.designationNumber;
  return (
    <section aria-labelledby={`recognition-${number}`}>
      <h2 id={`recognition-${number}`}>{words.recognition(number)}</h2>
      <dl class="data">
        <Row label={words.status}>
          <StateTag context={context} kind="recognitions" state={recognition.status} />
        </Row>
        <Row label={words.statusSince}><Day context={context} iso={recognition.statusSince} /></Row>
        <Row label={words.recognizedSince}><Day context={context} iso={recognition.recognizedSince} /></Row>
        <Row label={words.validUntil}><Day context={context} iso={recognition.validUntil || undefined} /></Row>
        {recognition.endedAt && <Row label={words.endedAt}><Day context={context} iso={recognition.endedAt} /></Row>}
      </dl>

      <h3>{words.regulationsHeading}</h3>
      <ScrollingTable label={words.regulationsHeading}>
        <table>
          <thead>
            <tr>
              <th scope="col">{words.regulationColumns.regulation}</th>
              <th scope="col">{words.regulationColumns.status}</th>
              <th scope="col">{words.regulationColumns.since}</th>
              <th scope="col">{words.regulationColumns.suspendedBy}</th>
            </tr>
          </thead>
          <tbody>
            {recognition.regulations.map((r) => (
              <tr>
                <td>{r.regulation}</td>
                <td><StateTag context={context} kind="recognitions" state={r.status} /></td>
                <td><Day context={context} iso={r.since} /></td>
                <td>{r.suspension ? words.sides[r.suspension.by](r.suspension.economy) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>

      <h3>{words.suspensionsHeading}</h3>
      {recognition.suspensionHistory.length === 0 ? (
        <p>{words.noSuspensions}</p>
      ) : (
        <ScrollingTable label={words.suspensionsHeading}>
          <table>
            <thead>
              <tr>
                <th scope="col">{words.suspensionColumns.by}</th>
                <th scope="col">{words.suspensionColumns.regulations}</th>
                <th scope="col">{words.suspensionColumns.since}</th>
                <th scope="col">{words.suspensionColumns.until}</th>
              </tr>
            </thead>
            <tbody>
              {recognition.suspensionHistory.map((s) => (
                <tr>
                  <td>{words.sides[s.by](s.economy)}</td>
                  <td>{s.regulations ? s.regulations.join(', ') : words.allRegulations}</td>
                  <td><Day context={context} iso={s.since} /></td>
                  <td>{s.until ? <Day context={context} iso={s.until} /> : words.stillOpen}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}

      <h3>{words.accreditationHeading}</h3>
      {recognition.accreditation === null ? (
        <p>{words.noAccreditation}</p>
      ) : (
        <dl class="data">
          <Row label={words.accreditation.body}>{recognition.accreditation.body}</Row>
          <Row label={words.accreditation.certificateNumber}>{recognition.accreditation.certificateNumber}</Row>
          <Row label={words.accreditation.standard}>{recognition.accreditation.standard}</Row>
          <Row label={words.accreditation.validFrom}><Day context={context} iso={recognition.accreditation.validFrom} /></Row>
          <Row label={words.accreditation.validUntil}><Day context={context} iso={recognition.accreditation.validUntil} /></Row>
          <Row label={words.accreditation.state}><StateTag context={context} kind="accreditations" state={recognition.accreditation.state} /></Row>
        </dl>
      )}
      {recognition.particulars === undefined ? (
        <p class="muted">{words.testSites}</p>
      ) : (
        <>
          <h3>{words.particulars.heading}</h3>
          <dl class="data">
            <Row label={words.particulars.address}>{recognition.particulars.address}</Row>
            <Row label={words.particulars.testSites}>
              <ul>
                {recognition.particulars.testSites.map((site) => (
                  <li>{site.name ? `${site.name}: ${site.address}` : site.address}</li>
                ))}
              </ul>
            </Row>
            <Row label={words.particulars.testsForOthers}>{recognition.particulars.testsForOthers ? words.particulars.yes : words.particulars.no}</Row>
          </dl>
        </>
      )}

      <h3>{words.historyHeading}</h3>
      <History context={context} kind="recognitions" entries={recognition.history} />
    </section>
  );
}

export function CabStandingPage({ context, standing, economies }: { context: PageContext; standing: CabStanding; economies: Economies }) {
  const words = publicRecordTexts[context.language].cab;
  const importing = economyName(context, economies, standing.importingEconomy);
  return (
    <>
      <h1>{words.title(standing.cab.name, importing)}</h1>
      <p class="lead">{words.lead}</p>
      <dl class="data">
        <Row label={words.type}>{context.text.cab.types[standing.cab.type as 'lab'] ?? standing.cab.type}</Row>
        <Row label={words.exporting}>{economyName(context, economies, standing.cab.economy)}</Row>
      </dl>
      {standing.recognitions.map((recognition) => (
        <Recognition context={context} recognition={recognition} />
      ))}
      <p>
        <a href={`/public/cabs/${encodeURIComponent(standing.cab.id)}/${encodeURIComponent(standing.importingEconomy)}`}>{words.json}</a>
      </p>
    </>
  );
}

export function TestReportRecordPage({ context, report, economies }: { context: PageContext; report: TestReportRecord; economies: Economies }) {
  const words = publicRecordTexts[context.language].report;
  return (
    <>
      <h1>{words.title(report.reportNumber)}</h1>
      <p class="lead">{words.lead}</p>
      <dl class="data">
        <Row label={words.state}>
          <StateTag context={context} kind="test-reports" state={report.state} />
          <p class="meaning">{report.meaning}</p>
        </Row>
        {report.rejection && (
          <Row label={words.rejection}>
            <ul class="reasons">
              {report.rejection.map((r) => (
                <li>
                  {context.wording.reasons[r.code] ?? r.code}: {r.detail}
                </li>
              ))}
            </ul>
          </Row>
        )}
        <Row label={words.regulations}>{report.regulations.join(', ')}</Row>
        <Row label={words.validUntil}><Day context={context} iso={report.validUntil} /></Row>
        <Row label={words.acceptedAt}><Day context={context} iso={report.acceptedAt} /></Row>
        <Row label={words.decidedAt}><Day context={context} iso={report.decidedAt} /></Row>
        <Row label={words.importingEconomy}>{economyName(context, economies, report.importingEconomy)}</Row>
        <Row label={words.lab}>
          {report.lab.name}
          {report.lab.designationNumber && <> ({report.lab.designationNumber})</>} · <a href={cabPagePath(report.lab.id, report.importingEconomy)}>{words.labPage}</a>
        </Row>
        <Row label={words.equipment}>
          {report.equipment.manufacturer} · <strong>{report.equipment.model}</strong> ({report.equipment.category})
        </Row>
        <Row label={words.testedAt}><Day context={context} iso={report.testedAt} /></Row>
        <Row label={words.issuedAt}><Day context={context} iso={report.issuedAt} /></Row>
      </dl>

      <h2>{words.documentsHeading}</h2>
      {report.documents.length === 0 ? (
        <p>{words.noDocuments}</p>
      ) : (
        <ScrollingTable label={words.documentsHeading}>
          <table>
            <thead>
              <tr>
                <th scope="col">{words.documentColumns.role}</th>
                <th scope="col">{words.documentColumns.sha256}</th>
                <th scope="col">{words.documentColumns.mediaType}</th>
                <th scope="col">{words.documentColumns.size}</th>
                <th scope="col">{words.documentColumns.attachedAt}</th>
              </tr>
            </thead>
            <tbody>
              {report.documents.map((d) => (
                <tr>
                  <td>{words.roles[d.role]}</td>
                  <td><code>{d.sha256}</code></td>
                  <td>{d.mediaType}</td>
                  <td>{d.size}</td>
                  <td><Day context={context} iso={d.attachedAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
      <p>
        <a href="/verify">{words.verify}</a>
      </p>

      <h2>{words.historyHeading}</h2>
      <History context={context} kind="test-reports" entries={report.history} submitted={words.submitted} />
      <p>
        <a href={`/public/test-reports/${encodeURIComponent(report.id)}`}>{words.json}</a>
      </p>
    </>
  );
}

export function CertificateRecordPage({ context, certificate, economies }: { context: PageContext; certificate: CertificateRecord; economies: Economies }) {
  const words = publicRecordTexts[context.language].certificate;
  const report = publicRecordTexts[context.language].report;
  return (
    <>
      <h1>{words.title(certificate.certificateNumber)}</h1>
      <p class="lead">{words.lead}</p>
      <dl class="data">
        <Row label={report.state}>
          <StateTag context={context} kind="certificates" state={certificate.state} />
        </Row>
        {certificate.suspendedAt && <Row label={words.suspendedAt}><Day context={context} iso={certificate.suspendedAt} /></Row>}
        <Row label={report.regulations}>{certificate.regulations.join(', ')}</Row>
        {certificate.equivalentRegulations.length > 0 && <Row label={words.equivalentRegulations}>{certificate.equivalentRegulations.join(', ')}</Row>}
        <Row label={words.issuedAt}><Day context={context} iso={certificate.issuedAt} /></Row>
        <Row label={report.validUntil}><Day context={context} iso={certificate.validUntil} /></Row>
        <Row label={report.importingEconomy}>{economyName(context, economies, certificate.importingEconomy)}</Row>
        <Row label={words.body}>
          {certificate.body.name}
          {certificate.body.designationNumber && <> ({certificate.body.designationNumber})</>} · <a href={cabPagePath(certificate.body.id, certificate.importingEconomy)}>{report.labPage}</a>
        </Row>
        <Row label={report.equipment}>
          {certificate.equipment.manufacturer} · <strong>{certificate.equipment.model}</strong> ({certificate.equipment.category})
        </Row>
        <Row label={words.testReports}>
          {certificate.testReports.length === 0
            ? words.none
            : certificate.testReports.map((r, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={reportPagePath(r.id)}>{r.reportNumber}</a>
                </>
              ))}
        </Row>
        {certificate.externalReports.length > 0 && <Row label={words.externalReports}>{certificate.externalReports.map((r) => `${r.reportNumber} (${r.lab})`).join(', ')}</Row>}
      </dl>

      <h2>{words.historyHeading}</h2>
      <ScrollingTable label={words.historyHeading}>
        <table>
          <thead>
            <tr>
              <th scope="col">{publicRecordTexts[context.language].cab.historyColumns.at}</th>
              <th scope="col">{publicRecordTexts[context.language].cab.historyColumns.event}</th>
              <th scope="col">{publicRecordTexts[context.language].cab.historyColumns.status}</th>
            </tr>
          </thead>
          <tbody>
            {certificate.history.map((e) => (
              <tr>
                <td><Day context={context} iso={e.at} /></td>
                <td>{context.wording.events.certificates[e.event] ?? e.event}</td>
                <td><StateTag context={context} kind="certificates" state={e.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <p>
        <a href={`/public/certificates/${encodeURIComponent(certificate.id)}`}>{words.json}</a>
      </p>
    </>
  );
}
