export function RollupPage() {
  return null;
}
