import type { ActionHandler } from '../step';
import * as contact from './contact';
import * as control from './control';
import { invokeLambda } from './lambda';
import * as participant from './participant';

/** The interpreter of each supported action type (keep in step with action-specs.ts). */
export const HANDLERS: Readonly<Record<string, ActionHandler>> = {
  MessageParticipant: participant.messageParticipant,
  GetParticipantInput: participant.getParticipantInput,
  DisconnectParticipant: participant.disconnectParticipant,
  InvokeLambdaFunction: invokeLambda,
  UpdateContactAttributes: contact.updateContactAttributes,
  UpdateFlowAttributes: contact.updateFlowAttributes,
  UpdateContactData: contact.updateContactData,
  UpdateContactTextToSpeechVoice: contact.updateVoice,
  UpdateContactTargetQueue: contact.updateTargetQueue,
  UpdateContactRoutingBehavior: contact.updateRoutingBehavior,
  UpdateContactEventHooks: contact.updateEventHooks,
  UpdateContactCallbackNumber: contact.updateCallbackNumber,
  UpdateFlowLoggingBehavior: contact.noEffect,
  UpdateContactRecordingBehavior: contact.noEffect,
  Compare: control.compare,
  CheckHoursOfOperation: control.checkHours,
  CheckMetricData: control.checkMetricData,
  Loop: control.loop,
  Wait: control.wait,
  TransferToFlow: control.transferToFlow,
  TransferContactToQueue: control.transferToQueue,
  CreateCallbackContact: control.createCallback,
  EndFlowExecution: control.endFlow,
};
