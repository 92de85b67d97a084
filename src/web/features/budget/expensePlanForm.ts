import { useEffect } from 'react';
import type { BudgetItem } from '#shared/budget';
import { type ExpensePlan, expensePlanDraftBody, monthsOfQuarters, saveExpensePlanBody } from '#shared/expenses';
import { parseBahtOrNull } from '#shared/thai/money';
import { bahtError, bahtText, satangOf } from '../../forms/money';
import { checkedBody, schemaErrors, useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';

export type Line = { item: string; quantity: number | ''; unit: string; price: string };
export type Action = { what: string; month: string; who: string };
export type PlanValues = { lines: Line[]; actions: Action[]; outsideQuarterReason: string };

export const emptyLine = (): Line => ({ item: '', quantity: 1, unit: '', price: '' });
export const emptyAction = (): Action => ({ what: '', month: '', who: '' });

const valuesOf = (plan: ExpensePlan | null | undefined): PlanValues =>
  plan
    ? {
        lines: plan.lines.map((l) => ({ item: l.item, quantity: l.quantity, unit: l.unit, price: bahtText(l.unitPriceSatang) })),
        actions: plan.actions,
        outsideQuarterReason: plan.outsideQuarterReason,
      }
    : { lines: [emptyLine()], actions: [], outsideQuarterReason: '' };

/** The total of the lines as typed, leaving out prices that are not amounts yet. */
/**
 * The months the action plan should keep to: those of the quarters the district was allocated money for (before the
 * first save, the quarters the activity is planned in). Empty when nothing is known yet.
 */
export const allowedMonths = (item: BudgetItem, plan: ExpensePlan | null | undefined) =>
  monthsOfQuarters(plan?.fiscalYear ?? item.fiscalYear, plan?.allocatedQuarters ?? item.quarters ?? []);

export const totalOf = (lines: Line[]) =>
  lines.reduce((sum, l) => sum + (parseBahtOrNull(l.price || '0') ?? 0n) * BigInt(l.quantity || 0), 0n);

/**
 * The expense plan as a form: submitting checks every row against the schema the server uses; a draft only checks
 * that what is typed is well formed, so half-filled rows can be kept.
 */
export function useExpensePlanForm(item: BudgetItem, unit: string, plan: ExpensePlan | null | undefined) {
  const { t, language } = useLanguage();
  const bodyOf = (v: PlanValues) => ({
    itemId: item.id,
    orgUnitCode: unit,
    version: plan?.version,
    lines: v.lines.map((l) => ({
      item: l.item,
      quantity: l.quantity === '' ? 0 : l.quantity,
      unit: l.unit,
      unitPriceSatang: satangOf(l.price),
    })),
    actions: v.actions,
    outsideQuarterReason: v.outsideQuarterReason,
  });
  const form = useSchemaForm({
    schema: saveExpensePlanBody,
    initialValues: valuesOf(plan),
    toBody: bodyOf,
    fieldOf: { unitPriceSatang: 'price' },
    check: (v) =>
      Object.fromEntries(v.lines.flatMap((l, i) => (bahtError(l.price, t) ? [[`lines.${i}.price`, bahtError(l.price, t)]] : []))),
  });
  // Show the saved plan once it arrives (and again after each save).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the plan replaces what is typed
  useEffect(() => {
    const values = valuesOf(plan);
    form.setInitialValues(values);
    form.setValues(values);
  }, [plan?.id, plan?.version]);

  /** Checks a draft; true when it may be saved. */
  const validateDraft = () => {
    const values = form.getValues();
    const errors = {
      ...schemaErrors(expensePlanDraftBody, bodyOf(values), t, language, { unitPriceSatang: 'price' }),
      ...Object.fromEntries(
        values.lines.flatMap((l, i) => (bahtError(l.price, t) ? [[`lines.${i}.price`, bahtError(l.price, t)]] : [])),
      ),
    };
    form.setErrors(errors);
    return Object.keys(errors).length === 0;
  };
  /** The draft's body, once `validateDraft` passed. */
  const draftBody = (values: PlanValues) => checkedBody(expensePlanDraftBody, bodyOf(values));
  return Object.assign(form, { validateDraft, draftBody });
}

export type ExpensePlanForm = ReturnType<typeof useExpensePlanForm>;
