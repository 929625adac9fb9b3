import { Calendar } from '../src/engine/calendar.js';
import { PoissonArrivals } from '../src/engine/poisson-arrivals.js';
import { StreamFactory } from '../src/engine/random.js';
import { ratePieces } from '../src/engine/rate-profile.js';
import type { Bench } from './format.js';
import { bestOf, printRate } from './format.js';

const YEAR_SECONDS = 365 * 86_400;

/** A year of hourly pieces shaped by hour of day, day of week and month, with a zero-rate hour each night. */
function yearRate(perHour: number) {
  const calendar = new Calendar(Date.UTC(2022, 0, 1));
  const hourOfDay = Array.from({ length: 24 }, (_, h) => (h === 4 ? 0 : 1 + Math.sin((Math.PI * h) / 12) ** 2));
  const dayOfWeek = [1, 0.95, 0.95, 1, 1.15, 1.25, 1.05];
  const month = [0.9, 0.9, 0.95, 1, 1, 1.05, 1.15, 1.15, 1, 1, 0.95, 0.95];
  return ratePieces({ perHour, hourOfDay, dayOfWeek, month }, calendar, YEAR_SECONDS);
}

export const arrivalsBench: Bench = {
  name: 'arrivals',
  description: 'non-homogeneous Poisson arrivals by inversion over a year of hourly pieces; arrivals/s, best of 3',
  run(): void {
    const rate = yearRate(Number(process.env.ARRIVALS_PER_HOUR ?? 1_000));
    const drawAll = (): number => {
      const arrivals = new PoissonArrivals(rate, new StreamFactory(3, 0).stream('arrivals'));
      let count = 0;
      while (arrivals.next() !== Infinity) count++;
      return count;
    };
    const expected = rate.integral(0, YEAR_SECONDS);
    drawAll(); // warm-up
    const timing = bestOf(3, drawAll);
    const count = timing.sink / 3;
    printRate(`arrivals (${rate.values.length.toLocaleString('en-GB')} pieces)`, count, 'arrivals', timing);
    console.log(`  arrivals ${count} against the integral of the rate ${expected.toFixed(0)} (sd ${Math.sqrt(expected).toFixed(0)})`);
  },
};
