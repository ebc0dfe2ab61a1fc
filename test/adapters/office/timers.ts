/** Driving the fake Excel and the live session under jest's fake timers: no real waiting. */

/** Lets pending timers of delay 0 and promise callbacks run until `condition` holds. */
export async function until(condition: () => boolean, what = 'the condition'): Promise<void> {
  for (let round = 0; round < 200; round++) {
    if (condition()) return;
    await jest.advanceTimersByTimeAsync(0);
  }
  throw new Error(`Never reached: ${what}`);
}

/** Settles a promise that waits on fake timers (event delivery) without moving the clock further. */
export async function settled<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await until(() => done, 'the promise to settle');
  return promise;
}
