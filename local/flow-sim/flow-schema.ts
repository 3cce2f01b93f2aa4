// The envelope of the Amazon Connect flow language (Version 2019-10-30). Parameters stay loose here:
// each action type's own rules live in action-specs.ts so one bad parameter is a problem, not a parse failure.
import { z } from 'zod';

/** The only flow-language version Amazon Connect accepts. */
export const FLOW_LANGUAGE_VERSION = '2019-10-30';

/** Connect's limit on the number of actions in one flow. */
export const MAX_FLOW_ACTIONS = 250;

/** A condition on an action's result, e.g. `{Operator: "Equals", Operands: ["1"]}`. */
export interface FlowCondition {
  Operator: string;
  Operands: (string | FlowCondition)[];
}

const Condition: z.ZodType<FlowCondition> = z.lazy(() =>
  z.object({
    Operator: z.string().min(1),
    Operands: z.array(z.union([z.string(), Condition])),
  }),
);

const Transitions = z.object({
  NextAction: z.string().min(1).optional(),
  Errors: z.array(z.object({ NextAction: z.string().min(1), ErrorType: z.string().min(1) })).optional(),
  Conditions: z.array(z.object({ NextAction: z.string().min(1), Condition })).optional(),
});

const Action = z.object({
  Identifier: z.string().min(1),
  Type: z.string().min(1),
  Parameters: z.record(z.string(), z.unknown()).default({}),
  Transitions: Transitions.default({}),
});

/** Schema of a whole flow document; `Metadata` (positions, names) is kept but not interpreted. */
export const FlowSchema = z.object({
  Version: z.literal(FLOW_LANGUAGE_VERSION),
  StartAction: z.string().min(1),
  Metadata: z.record(z.string(), z.unknown()).optional(),
  Actions: z.array(Action),
});

/** A parsed flow. */
export type Flow = z.infer<typeof FlowSchema>;

/** One action (block) of a flow. */
export type FlowAction = Flow['Actions'][number];

/** The transitions of one action: default next action, error branches and condition branches. */
export type FlowTransitions = FlowAction['Transitions'];
