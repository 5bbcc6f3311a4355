/** The stack the developer picked last, so the next exchange opens on it (when nothing was detected). */
import type { StackId } from '../../core/fix/types';

const KEY = 'cors-lens.stack';

export function rememberedStack(): StackId | null {
  try {
    return (globalThis.localStorage?.getItem(KEY) as StackId | null) ?? null;
  } catch {
    return null;
  }
}

export function rememberStack(stack: StackId): void {
  try {
    globalThis.localStorage?.setItem(KEY, stack);
  } catch {
    // storage unavailable (sandboxed page): the choice just is not remembered
  }
}
