import { byConnect, pinRaces } from './pin-races';

pinRaces('the Connect IVR (flow simulator)', byConnect);
