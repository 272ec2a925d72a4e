import type { AppContext } from '../../../context.js';
import { outgoingReport, type Dispatch, type OutgoingReport } from './outgoing-report.js';

// A report sent to a body by e-mail: plain text a person at the body can act on, with Reply-To
// set to the reporter so the officer's reply reaches them.

export function reportMailSubject(r: OutgoingReport): string {
  return `${r.category.name}: new report ${r.id}`;
}

export function reportMailText(r: OutgoingReport): string {
  const place = [
    r.address ? `Address given: ${r.address}` : null,
    r.ward ? `Ward: ${r.ward.name ?? r.ward.code} (${r.ward.code})` : null,
    `Latitude, longitude: ${String(r.lat)}, ${String(r.lon)}`,
    `Map: ${r.map_url}`,
  ].filter((line): line is string => line !== null);
  const reporter = [
    `Name: ${r.reporter.name ?? '(not given)'}`,
    `E-mail: ${r.reporter.email ?? '(not given)'}`,
    `Phone: ${r.reporter.phone ?? '(not given)'}`,
  ];
  return [
    `A resident reported a problem for ${r.body.name} to answer.`,
    '',
    `Category: ${r.category.name} (${r.category.code})`,
    `Reference: ${r.id}`,
    `Reported: ${r.created_at}`,
    '',
    'Where',
    ...place,
    '',
    'What they said',
    r.description,
    ...(r.answers.length > 0
      ? ['', 'Answers', ...r.answers.map((a) => `${a.question} ${a.answer}`)]
      : []),
    ...(r.photos.length > 0 ? ['', 'Photos', ...r.photos] : []),
    ...(r.media_url ? ['', `Media given by the reporter's app: ${r.media_url}`] : []),
    '',
    `The public page of the report: ${r.url}`,
    '',
    'The reporter (for you only: the public page never shows these)',
    ...reporter,
    '',
    'Replying to this e-mail writes to the reporter.',
  ].join('\n');
}

/** Sends the report to the route's address; throws when the mail server refuses it. */
export async function sendByEmail(ctx: AppContext, d: Dispatch): Promise<void> {
  const r = await outgoingReport(ctx, d);
  await ctx.mailer.send({
    to: d.route.destination,
    subject: reportMailSubject(r),
    text: reportMailText(r),
    ...(r.reporter.email ? { replyTo: r.reporter.email } : {}),
  });
}
