// Twilio message status callbacks for the status door's tests: the fixtures, and a DeliveryReports
// that records what reaches it (the real ledger is the outbound path's; the door only needs the port).
import { readFileSync } from 'node:fs';
import type { DeliveryReport, DeliveryReports } from '../../functions/domain/outbound/messenger';

/** The fixture test/fixtures/twilio-status/<name>.json: the form parameters Twilio posts. */
export function statusCallback(name: string): Record<string, string> {
  const path = new URL(`../fixtures/twilio-status/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
}

/** A DeliveryReports that keeps every report; messages it knows are "recorded", others "unknown". */
export class RecordingReports implements DeliveryReports {
  readonly reports: DeliveryReport[] = [];

  constructor(private readonly known: ReadonlySet<string>) {}

  async record(report: DeliveryReport): Promise<'recorded' | 'unknown'> {
    this.reports.push(report);
    return this.known.has(report.providerMessageId) ? 'recorded' : 'unknown';
  }
}

/** The form body Twilio would post for these parameters (a repeated name once per value). */
export function formBody(params: Readonly<Record<string, string | readonly string[]>>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    for (const v of typeof value === 'string' ? [value] : value) form.append(name, v);
  return form.toString();
}
