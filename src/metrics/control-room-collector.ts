/** Kept for existing imports: the collector lives in `collector.ts`. */
export { ControlRoomCollector } from './collector.js';
