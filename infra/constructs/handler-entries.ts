/** Each Lambda's entry file (repository-relative), as the contract between helpers names them. */
export const HANDLER_ENTRIES = {
  twilioMessaging: 'functions/handlers/twilio-messaging.ts',
  twilioVoice: 'functions/handlers/twilio-voice.ts',
  connectIvr: 'functions/handlers/connect-ivr.ts',
  emailInbound: 'functions/handlers/email-inbound.ts',
  handoffRetry: 'functions/handlers/handoff-retry.ts',
  connectEvents: 'functions/handlers/connect-events.ts',
  caseTaskSweep: 'functions/handlers/case-task-sweep.ts',
  twilioTaskRouter: 'functions/handlers/twilio-taskrouter.ts',
  agentApi: 'functions/handlers/agent-api.ts',
  eraseGuest: 'functions/handlers/erase-guest.ts',
  twilioStatus: 'functions/handlers/twilio-status.ts',
  bookingUpdates: 'functions/handlers/booking-updates.ts',
  telegramWebhook: 'functions/handlers/telegram-webhook.ts',
  surveyPage: 'functions/handlers/survey-page.ts',
} as const;

/** A door's Lambda by its key in HANDLER_ENTRIES. */
export type HandlerKey = keyof typeof HANDLER_ENTRIES;
