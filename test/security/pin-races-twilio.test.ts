import { byTwilio, pinRaces } from './pin-races';

pinRaces('Twilio Voice (signed webhooks)', byTwilio);
