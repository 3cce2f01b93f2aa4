// Connect flow types and the action types their flow-language reference pages restrict to some of them
// ("Restrictions" on each page of the Amazon Connect flow-language action reference, APIReference/
// flow-language-actions.html). Actions whose page says "supported in all types of flows" (e.g.
// UpdateContactEventHooks), or that were not looked up, are not listed: they are allowed everywhere.

/** The flow types CreateContactFlow accepts. */
export const FLOW_TYPES = [
  'CONTACT_FLOW',
  'CUSTOMER_QUEUE',
  'CUSTOMER_HOLD',
  'CUSTOMER_WHISPER',
  'AGENT_HOLD',
  'AGENT_WHISPER',
  'OUTBOUND_WHISPER',
  'AGENT_TRANSFER',
  'QUEUE_TRANSFER',
  'CAMPAIGN',
] as const;

/** One Connect flow type (`CONTACT_FLOW` is the inbound flow). */
export type FlowType = (typeof FLOW_TYPES)[number];

const INBOUND_AND_TRANSFER: readonly FlowType[] = ['CONTACT_FLOW', 'AGENT_TRANSFER', 'QUEUE_TRANSFER'];
const WHISPER: readonly FlowType[] = ['CUSTOMER_WHISPER', 'AGENT_WHISPER', 'OUTBOUND_WHISPER'];

/** Action type → the flow types its reference page allows it in, and why it matters. */
export const ACTION_FLOW_TYPES: Readonly<Record<string, { types: readonly FlowType[]; why: string }>> = {
  TransferContactToQueue: {
    types: INBOUND_AND_TRANSFER,
    why: 'it queues a contact not yet in a queue (a customer queue flow moves one with DequeueContactAndTransferToQueue)',
  },
  UpdateContactTargetQueue: { types: INBOUND_AND_TRANSFER, why: 'the working queue is set before queueing' },
  TransferToFlow: {
    types: INBOUND_AND_TRANSFER,
    why: 'only inbound and transfer flows can jump to another flow',
  },
  EndFlowExecution: {
    types: [...WHISPER, 'CUSTOMER_QUEUE'],
    why: 'in an inbound flow ending the flow before the contact is queued ends the contact (use DisconnectParticipant, or route the contact on)',
  },
  DisconnectParticipant: {
    types: [...INBOUND_AND_TRANSFER, 'CUSTOMER_QUEUE'],
    why: 'whisper and hold flows end with EndFlowExecution',
  },
  // Wait's flow-language page says "every type of flow, chat only"; the Wait block's admin-guide page,
  // which also covers tasks, lists inbound and customer queue flows: the narrower one is kept.
  Wait: { types: ['CONTACT_FLOW', 'CUSTOMER_QUEUE'], why: 'only inbound and customer queue flows can pause' },
  DequeueContactAndTransferToQueue: {
    types: ['CUSTOMER_QUEUE'],
    why: 'it moves a contact already in a queue',
  },
  MessageParticipantIteratively: {
    types: ['CUSTOMER_QUEUE', 'CUSTOMER_HOLD', 'AGENT_HOLD'],
    why: 'it loops prompts while a contact waits or is on hold',
  },
};

// The flow language does not carry the flow's type; our files say it in their name (docs/deploy.md).
const FILE_NAME_TYPES: readonly [RegExp, FlowType][] = [
  [/customer-queue/, 'CUSTOMER_QUEUE'],
  [/customer-hold/, 'CUSTOMER_HOLD'],
  [/customer-whisper/, 'CUSTOMER_WHISPER'],
  [/agent-whisper/, 'AGENT_WHISPER'],
  [/agent-hold/, 'AGENT_HOLD'],
  [/outbound-whisper/, 'OUTBOUND_WHISPER'],
  [/transfer-to-queue/, 'QUEUE_TRANSFER'],
  [/transfer-to-agent/, 'AGENT_TRANSFER'],
];

/** The Connect flow type a flow file's name stands for (CONTACT_FLOW unless it says otherwise). */
export function flowTypeOfName(name: string): FlowType {
  return FILE_NAME_TYPES.find(([re]) => re.test(name))?.[1] ?? 'CONTACT_FLOW';
}

// How console exports name the type in Metadata.type.
const METADATA_TYPES: Readonly<Record<string, FlowType>> = {
  contactFlow: 'CONTACT_FLOW',
  customerQueue: 'CUSTOMER_QUEUE',
  customerHold: 'CUSTOMER_HOLD',
  customerWhisper: 'CUSTOMER_WHISPER',
  agentHold: 'AGENT_HOLD',
  agentWhisper: 'AGENT_WHISPER',
  outboundWhisper: 'OUTBOUND_WHISPER',
  agentTransfer: 'AGENT_TRANSFER',
  queueTransfer: 'QUEUE_TRANSFER',
};

/** A flow type as a document declares it: the DescribeContactFlow `Type`, or an export's `Metadata.type`. */
export function declaredFlowType(value: string | undefined): FlowType | undefined {
  if (value === undefined) return undefined;
  if ((FLOW_TYPES as readonly string[]).includes(value)) return value as FlowType;
  return METADATA_TYPES[value];
}
