export { extractBookingReference } from './booking-ref-extractor';
export { emergencyNotice } from './emergency-notice';
export { TravelClassifier } from './travel-classifier';
export { isUrgentForCheckIn } from './urgency';
