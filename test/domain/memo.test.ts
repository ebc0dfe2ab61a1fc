import { memo } from '../../src/domain/memo';

describe('memo', () => {
  it('gives what the function gives for each value, repeated or not, computing each once within its bound', () => {
    const computed: string[] = [];
    const upper = memo((text: string) => {
      computed.push(text);
      return text === 'none' ? null : text.toUpperCase();
    }, 10);
    const values = ['a', 'a', 'b', 'a', 'none', 'none', 'b', 'c', 'c', 'a'];
    expect(values.map(upper)).toEqual(['A', 'A', 'B', 'A', null, null, 'B', 'C', 'C', 'A']);
    expect(computed).toEqual(['a', 'b', 'none', 'c']);
  });

  it('still gives the right value once older values are dropped', () => {
    const square = memo((n: number) => n * n, 2);
    const values = [1, 2, 3, 4, 5, 1, 1, 5, 2];
    expect(values.map(square)).toEqual(values.map((n) => n * n));
  });
});
