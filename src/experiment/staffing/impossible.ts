/** A staffing target no roster within the search cap can meet, with the reason (exit 2). */
export class ImpossibleTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImpossibleTargetError';
  }
}
