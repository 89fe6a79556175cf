// Codes people type: no 0/O, 1/I/L; 8 letters in two groups of 4 (about 40 bits).
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code as typed ("abcd 2345", "ABCD2345") in its one form, or undefined when it is none. */
export function normaliseCode(typed: string): string | undefined {
  const letters = typed.toUpperCase().replace(/[\s-]/g, '');
  if (letters.length !== 8 || [...letters].some((c) => !CODE_ALPHABET.includes(c)))
    return undefined;
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

/**
 * An invite code drawn from a random seed (the engine's new id, a UUID): the conversation
 * engine reads no randomness of its own, so the code comes from what it is given.
 */
export function inviteCodeFrom(seed: string): string {
  // Two 32-bit FNV-1a hashes of the seed, 8 letters from their bits.
  const hash = (offset: number) => {
    let h = offset >>> 0;
    for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    return h;
  };
  let bits = BigInt(hash(2166136261)) * 4294967296n + BigInt(hash(84696351));
  let letters = '';
  for (let i = 0; i < 8; i++) {
    letters += CODE_ALPHABET[Number(bits % 31n)];
    bits /= 31n;
  }
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}
