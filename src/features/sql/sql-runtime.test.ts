import { describe, expect, it } from 'vitest';
import { Gate } from './sql-runtime.js';

describe('the SQL gate', () => {
  it('lets `max` run, queues as many, turns the rest away, and passes places on in order', async () => {
    const gate = new Gate(2, 2);
    const first = await gate.enter();
    const second = await gate.enter();
    const order: string[] = [];
    const third = gate.enter().then((leave) => (order.push('third'), leave));
    const fourth = gate.enter().then((leave) => (order.push('fourth'), leave));
    await expect(gate.enter()).rejects.toMatchObject({ kind: 'rate_limited', code: 'sql_busy' });
    first();
    first(); // leaving twice gives back one place
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
    // All places are free again: two enter at once, the third waits.
    const a = await gate.enter();
    const b = await gate.enter();
    let entered = false;
    const c = gate.enter().then((leave) => ((entered = true), leave));
    await Promise.resolve();
    expect(entered).toBe(false);
    a();
    (await c)();
    b();
  });
});
