import { NumberInput, type NumberInputProps } from '@mantine/core';
import type { FormEvent } from 'react';
import { toArabicDigits } from '#shared/thai/digits';

/**
 * The number field of every form (counts, durations, years): Mantine's NumberInput, which also reads Thai digits
 * (๐–๙) as an officer types or pastes them. The number formatter underneath knows only Arabic digits and would drop
 * Thai ones, so they are turned into Arabic digits in the field before it reads the text.
 */
export function NumberField(props: NumberInputProps) {
  const toArabic = (event: FormEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const arabic = toArabicDigits(input.value);
    if (arabic === input.value) return;
    // One Thai digit is one Arabic digit: the caret stays where it was.
    const { selectionStart, selectionEnd } = input;
    input.value = arabic;
    input.setSelectionRange(selectionStart, selectionEnd);
  };
  return (
    <NumberInput
      {...props}
      onChangeCapture={(event) => {
        toArabic(event);
        props.onChangeCapture?.(event);
      }}
    />
  );
}
