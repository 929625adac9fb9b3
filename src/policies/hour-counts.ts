/**
 * Per queue, what happened in the current clock hour (UTC): calls offered, answered within the
 * queue's target, abandoned. Fed by the run's monitor records so a policy can steer by them; the
 * model itself keeps no statistics.
 */
import type { MonitorLayout, QueueOutcome } from '../model/monitor.js';

export class HourlyQueueCounts {
  private startSeconds = 0;
  private targets: number[] = [];
  private hour: number[] = [];
  private offered: number[] = [];
  private answered: number[] = [];
  private abandoned: number[] = [];

  begin(layout: MonitorLayout): void {
    this.startSeconds = layout.startEpochMs / 1000;
    this.targets = layout.queues.map((q) => q.targetSeconds);
    this.hour = layout.queues.map(() => -Infinity);
    this.offered = layout.queues.map(() => 0);
    this.answered = layout.queues.map(() => 0);
    this.abandoned = layout.queues.map(() => 0);
  }

  /** True when `at` falls in the queue's current hour (moving the hour on, and clearing it, when `at` is later). */
  private current(queue: number, at: number): boolean {
    const hour = Math.floor((this.startSeconds + at) / 3600);
    if (hour > this.hour[queue]) {
      this.hour[queue] = hour;
      this.offered[queue] = 0;
      this.answered[queue] = 0;
      this.abandoned[queue] = 0;
    }
    return hour === this.hour[queue];
  }

  entered(queue: number, at: number): void {
    if (this.current(queue, at)) this.offered[queue]++;
  }

  left(queue: number, at: number, outcome: QueueOutcome, answerSeconds: number): void {
    // A lazily settled abandonment may belong to an hour already gone: it no longer counts.
    if (!this.current(queue, at)) return;
    if (outcome === 'answered' && answerSeconds <= this.targets[queue]) this.answered[queue]++;
    else if (outcome === 'abandoned') this.abandoned[queue]++;
  }

  offeredAt(queue: number, now: number): number {
    this.current(queue, now);
    return this.offered[queue] ?? 0;
  }

  answeredWithinTargetAt(queue: number, now: number): number {
    this.current(queue, now);
    return this.answered[queue] ?? 0;
  }

  abandonedAt(queue: number, now: number): number {
    this.current(queue, now);
    return this.abandoned[queue] ?? 0;
  }
}
