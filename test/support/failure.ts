// Runs `fn` expecting it to throw, and gives back what it threw (so tests can assert on the message).

export function failure(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}
