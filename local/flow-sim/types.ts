// The public shapes of the simulator: what a call needs (environment, caller, start) and what it gives back.
import type { ConnectContactFlowEvent } from 'aws-lambda';

/** The event the simulator sends to a Lambda: Connect's ContactFlowEvent, plus the contact's LanguageCode. */
export type FlowLambdaEvent = ConnectContactFlowEvent & {
  Details: { ContactData: { LanguageCode: string } };
};

/** What the outside world supplies to a simulated call. Every function may be sync or async. */
export interface FlowEnvironment {
  /** Runs the Lambda `arn` with `event` and returns its answer (throwing = the Lambda failed). */
  invokeLambda(arn: string, event: FlowLambdaEvent): unknown;
  /** Whether the queue's hours of operation are open at `now` (CheckHoursOfOperation without HoursOfOperationId). */
  queueOpen(queueArn: string, now: Date): boolean | Promise<boolean>;
  /** Agents staffed on the queue (CheckMetricData NumberOfAgentsStaffed/Online/Available). */
  agentsStaffed(queueArn: string): number | Promise<number>;
  /** The flow document (raw JSON value or parsed) behind a TransferToFlow ARN, or undefined if none. */
  flowByArn(arn: string): unknown;
  /** Values for `%Name%` placeholders in the flow, as the CDK app would substitute them. */
  placeholders: Readonly<Record<string, string>>;
  /** The simulated wall clock. */
  now(): Date;
  /** Optional: whether hours of operation `id` are open (CheckHoursOfOperation with HoursOfOperationId). */
  hoursOpen?(hoursOfOperationId: string, now: Date): boolean | Promise<boolean>;
  /** Optional: whether the queue is full, so TransferContactToQueue takes its QueueAtCapacity branch. */
  queueAtCapacity?(queueArn: string): boolean | Promise<boolean>;
}

/** What the simulator tells the caller when it asks for keypad input. */
export interface AskOptions {
  /** The contact's language code, e.g. "fr-FR". */
  language: string;
  /** The Polly voice set on the contact. */
  voice: string;
  /** "menu": one key (StoreInput False); "digits": several keys stored as $.StoredCustomerInput. */
  kind: 'menu' | 'digits';
  /** Most keys kept ("menu" always 1). */
  maxDigits: number;
  /** Key(s) that end entry, e.g. "#" ("digits" only). */
  terminator: string;
  /** Seconds Connect waits for the first key. */
  timeoutSeconds: number;
}

/** The caller: hears prompts and answers them. */
export interface CallerIo {
  /** Plays a prompt (MessageParticipant) in the contact's language code, read by the Polly voice set. */
  say(text: string, language: string, voice: string): void | Promise<void>;
  /** Plays a prompt and returns the keys typed (e.g. "1234#"), or undefined when the caller times out. */
  ask(prompt: string, options: AskOptions): string | undefined | Promise<string | undefined>;
}

/** How the call starts: who dials what, and anything already set on the contact. */
export interface CallStart {
  /** The dialled number ($.SystemEndpoint.Address). */
  to: string;
  /** The caller id ($.CustomerEndpoint.Address); null for a withheld number. */
  from: string | null;
  /** Defaults to a fixed id so runs are repeatable. */
  contactId?: string;
  /** Contact attributes present before the flow runs (e.g. for a task or queue flow). */
  attributes?: Record<string, string>;
  /** Initial $.LanguageCode; default "en-US". */
  languageCode?: string;
  /** Initial working queue ARN (e.g. for a customer-queue flow). */
  queueArn?: string;
  /** Default "VOICE". */
  channel?: 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';
  /** Default "INBOUND". */
  initiationMethod?: 'INBOUND' | 'OUTBOUND' | 'TRANSFER' | 'CALLBACK' | 'API';
  /** Actions run before the call is stopped as a runaway loop; default 1000. */
  maxSteps?: number;
  /** Name shown in the trace for the first flow; default "main". */
  flowName?: string;
}

/** How a call ended. */
export type CallEnd =
  | { kind: 'queue'; queueArn: string; queueName: string; priority: number }
  | { kind: 'disconnect' }
  | { kind: 'end-flow' }
  | { kind: 'error'; flowName: string; actionId: string; actionType: string; message: string };

/** One line of the call as the caller experiences it, plus the Lambda calls made on the way. */
export type TranscriptEntry =
  | { kind: 'say'; actionId: string; text: string; language: string; voice: string }
  | {
      kind: 'ask';
      actionId: string;
      prompt: string;
      language: string;
      voice: string;
      answer: string | undefined;
    }
  | { kind: 'lambda'; actionId: string; arn: string; parameters: Record<string, string>; outcome: string };

/** One action run: which flow, which block, and which branch it left by. */
export interface TraceStep {
  flowName: string;
  actionId: string;
  type: string;
  /** "next", "condition:<operand>", "error:<ErrorType>" or "end". */
  branch: string;
}

/** A callback requested by CreateCallbackContact. */
export interface CallbackRequest {
  queueArn: string;
  number: string;
  initialDelaySeconds: number;
}

/** Everything a simulated call produced. */
export interface CallResult {
  end: CallEnd;
  /** User-defined contact attributes at the end. */
  attributes: Record<string, string>;
  /** $.LanguageCode at the end. */
  language: string;
  /** Polly voice at the end ("Joanna" unless the flow set one). */
  voice: string;
  /** Queue priority at the end (Connect's default is 5; lower is served first). */
  priority: number;
  /** Flows set by UpdateContactEventHooks, e.g. {CustomerQueue: "<flow ARN>"}. */
  eventHooks: Record<string, string>;
  transcript: TranscriptEntry[];
  trace: TraceStep[];
  callbacks: CallbackRequest[];
}
