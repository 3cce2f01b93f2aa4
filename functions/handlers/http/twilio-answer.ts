/** An HTTP answer to a Twilio webhook, the same shape for API Gateway and the local runtime. */
export interface TwilioAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Content type of TwiML answers. */
export const TWIML_TYPE = 'text/xml; charset=utf-8';
/** Content type of refusals (403, 400, 503): a line of text for Twilio's debugger. */
export const TEXT_TYPE = 'text/plain; charset=utf-8';
