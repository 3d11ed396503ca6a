// Dates and times as the API speaks them: local dates YYYY-MM-DD, local times HH:mm in the resource's zone.

export function isoDate(date) {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function today() {
  return isoDate(new Date());
}

export function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  date.setDate(date.getDate() + days);
  return isoDate(date);
}

const dayNames = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });
const frenchDays = new Intl.DateTimeFormat('fr-FR', { weekday: 'long' });

/** "Monday 7 December" from "2026-12-07". */
export function longDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNames.format(new Date(y, m - 1, d));
}

/** The seed's French day name ("lundi") for a date. */
export function frenchDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return frenchDays.format(new Date(y, m - 1, d));
}

const instant = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export function when(isoInstant) {
  return instant.format(new Date(isoInstant));
}

export function money(amount, currency) {
  if (amount === null || amount === undefined) return '';
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency || 'EUR' }).format(amount);
  } catch {
    return `${amount} ${currency ?? ''}`.trim();
  }
}

/** Period names as FlexPark has them, with their English label. */
export const periodLabels = { morning: 'Morning', afternoon: 'Afternoon', day: 'Whole day' };

export const statusLabels = {
  pending: 'On hold', confirmed: 'Confirmed', cancelled: 'Cancelled', completed: 'Completed', no_show: 'No-show',
};

export const kindLabels = { mentor: 'Mentor', service: 'Service', parking_slot: 'Parking place' };

/** A hold that was released or ran out before it became a booking (it keeps its expiry; a confirmed one loses it). */
export function isLapsedHold(booking) {
  return booking.status === 'pending' || (booking.status === 'cancelled' && booking.holdExpiresAt != null);
}
