// What one door did with a campaign's bad input: accepted, refused (grouped by status and error code),
// or crashed (a 5xx other than 503, a dropped connection, a thrown error that is not one of ours).

/** The tally of one door. */
export class DoorTally {
  requests = 0;
  accepted = 0;
  crashes = 0;
  readonly refused = new Map<string, number>();
  /** What became of accepted inputs, where that is worth telling apart (flows: valid or not, how calls ended). */
  readonly outcomes = new Map<string, number>();
  /** The first few inputs that crashed, to reproduce them. */
  readonly crashSamples: string[] = [];

  constructor(readonly door: string) {}

  accept(): void {
    this.requests++;
    this.accepted++;
  }

  /** Accepted, with what became of it. */
  acceptAs(outcome: string): void {
    this.accept();
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  refuse(reason: string): void {
    this.requests++;
    this.refused.set(reason, (this.refused.get(reason) ?? 0) + 1);
  }

  crash(what: string, input: unknown): void {
    this.requests++;
    this.crashes++;
    if (this.crashSamples.length < 3)
      this.crashSamples.push(`${what} ← ${JSON.stringify(input).slice(0, 300)}`);
  }

  /** Sorts an HTTP answer: 2xx accepted, 503 and 4xx refused by status and code, anything else a crash. */
  async http(response: Response, input: unknown): Promise<void> {
    const text = await response.text();
    if (response.ok) return this.accept();
    const code = codeOf(text, response.headers.get('content-type') ?? '');
    if (response.status >= 500 && response.status !== 503)
      return this.crash(`${response.status} ${code}`, input);
    this.refuse(`${response.status} ${code}`);
  }

  /** One line per outcome, for printing. */
  lines(): string[] {
    const refused = [...this.refused.entries()].sort((a, b) => b[1] - a[1]);
    return [
      `${this.door}: ${this.requests} requests, ${this.accepted} accepted, ${this.requests - this.accepted - this.crashes} refused, ${this.crashes} crashes`,
      ...[...this.outcomes.entries()].map(
        ([outcome, n]) => `    ok      ${String(n).padStart(5)}  ${outcome}`,
      ),
      ...refused.map(([reason, n]) => `    refused ${String(n).padStart(5)}  ${reason}`),
      ...this.crashSamples.map((sample) => `    CRASH ${sample}`),
    ];
  }
}

// Quoted input is left out, so that refusals group by reason rather than by value.
const reasonOf = (message: string) =>
  message
    .replace(/<[^>]+>/g, ' ')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/position \d+/g, 'position n')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 70);

// The error code and reason of a JSON error body, else the body's first words (TwiML, plain text).
function codeOf(text: string, contentType: string): string {
  if (contentType.includes('json')) {
    try {
      const body = JSON.parse(text) as { code?: unknown; error?: unknown };
      if (typeof body.code === 'string') return `${body.code}: ${reasonOf(String(body.error ?? ''))}`;
    } catch {
      return 'unparsable JSON error body';
    }
  }
  const plain = reasonOf(text);
  return plain ? `"${plain}"` : `(empty ${contentType || 'body'})`;
}
