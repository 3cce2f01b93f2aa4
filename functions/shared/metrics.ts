import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import type { IntakeDeps } from '../domain/intake/intake';
import type { ContactRecord } from '../domain/ports';
import type { ContactLog } from '../domain/store-ports';
import { overriding } from './observed';

type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];

// Names as in infra/constructs/metrics-contract.ts (the dashboard reads them; Lambdas cannot import infra).
const CONTACTS = 'Contacts';
const FALLBACKS = 'Fallbacks';
const FIRST_RESPONSE = 'ExpectedFirstResponseMinutes';
const HAND_OFF_FAILURES = 'HandOffFailures';

interface ContactSample {
  readonly channel: string;
  readonly queue: string;
  readonly language: string;
  readonly fallback: boolean;
  readonly expectedMinutes: number;
}

/**
 * The dashboard's custom metrics for one Lambda, collected while an invocation runs and written as
 * CloudWatch EMF lines on stdout when it ends (`publishMetrics`). Namespace and service come from
 * POWERTOOLS_METRICS_NAMESPACE and POWERTOOLS_SERVICE_NAME (the CDK sets both); without a namespace
 * nothing is written (tests and local runs). Values are queue ids, languages and channels only: no
 * personal data reaches the log.
 */
export class ContactMetrics {
  #contacts: ContactSample[] = [];
  #handOffFailures = 0;
  #emf: Metrics | undefined;

  /** `env` defaults to process.env, read when publishing. */
  constructor(private readonly env?: NodeJS.ProcessEnv) {}

  /** One new contact (never a redelivery): Contacts, Fallbacks (0 or 1) and the promised first response. */
  contact(record: ContactRecord): void {
    const d = record.decision;
    this.#contacts.push({
      channel: record.channel,
      queue: d.queue,
      language: d.language,
      fallback: d.fallbackUsed,
      expectedMinutes: d.expectedResponseMinutes,
    });
  }

  /** A hand-off to the contact centre failed and the contact was left pending. */
  handOffFailure(): void {
    this.#handOffFailures++;
  }

  /** Writes what this invocation recorded, one EMF line per metric and contact, then forgets it. */
  publish(): void {
    const contacts = this.#contacts;
    const failures = this.#handOffFailures;
    this.#contacts = [];
    this.#handOffFailures = 0;
    const emf = this.#metrics();
    if (!emf) return;
    for (const c of contacts) {
      const { channel: Channel, queue: Queue, language: Language } = c;
      line(emf, [{}, { Channel }, { Queue }, { Language }], CONTACTS, MetricUnit.Count, 1);
      // Zero too, so the fallback rate (Fallbacks / Contacts) has a value in every period with contacts.
      line(emf, [{}, { Channel }], FALLBACKS, MetricUnit.Count, c.fallback ? 1 : 0);
      line(emf, [{}, { Queue }], FIRST_RESPONSE, MetricUnit.NoUnit, c.expectedMinutes);
    }
    if (failures > 0) line(emf, [{}], HAND_OFF_FAILURES, MetricUnit.Count, failures);
  }

  #metrics(): Metrics | undefined {
    this.#emf ??= emfWriter(this.env ?? process.env);
    return this.#emf;
  }
}

/** The EMF writer for POWERTOOLS_METRICS_NAMESPACE and POWERTOOLS_SERVICE_NAME; none without a namespace. */
export function emfWriter(env: NodeJS.ProcessEnv): Metrics | undefined {
  const namespace = env.POWERTOOLS_METRICS_NAMESPACE;
  if (!namespace) return undefined;
  const emf = new Metrics({ namespace, serviceName: env.POWERTOOLS_SERVICE_NAME });
  // Powertools adds a `service` dimension to every set; the dashboard's metrics have none.
  emf.clearDefaultDimensions();
  return emf;
}

function line(emf: Metrics, sets: Record<string, string>[], name: string, unit: Unit, value: number): void {
  for (const set of sets) emf.addDimensions(set);
  emf.addMetric(name, unit, value);
  emf.publishStoredMetrics();
}

/**
 * The case store, reporting new contacts (not survey answers) and failed hand-offs to `metrics` once
 * each write succeeds.
 */
export function observedCases<S extends ContactLog>(cases: S, metrics: ContactMetrics): S {
  const observed: Pick<ContactLog, 'putContactOnce' | 'markHandedOff'> = {
    async putContactOnce(record) {
      const result = await cases.putContactOnce(record);
      // A message carrying a survey answer is no contact (survey/answer-by-message.ts).
      if (result.created && record.surveyAnswer === undefined) metrics.contact(record);
      // The intake hands off before it stores: a contact stored "pending" is a failed hand-off.
      if (result.created && record.handoff === 'pending') metrics.handOffFailure();
      return result;
    },
    async markHandedOff(id, outcome) {
      await cases.markHandedOff(id, outcome);
      if (!outcome.ok) metrics.handOffFailure();
    },
  };
  return overriding(cases, observed as Partial<S>);
}

/** The intake's dependencies with their case store observed by `metrics`. */
export function withMetrics(intake: IntakeDeps, metrics: ContactMetrics): IntakeDeps {
  return { ...intake, cases: observedCases(intake.cases, metrics) };
}

/** middy middleware: publishes the invocation's metrics (each set given) when it ends, answered or failed. */
export function publishMetrics(...sets: Pick<ContactMetrics, 'publish'>[]): MiddlewareObj {
  const publish = async (): Promise<void> => {
    for (const metrics of sets) metrics.publish();
  };
  return { after: publish, onError: publish };
}
