import { byIntake, pinRaces } from './pin-races';

pinRaces('the intake', byIntake);
