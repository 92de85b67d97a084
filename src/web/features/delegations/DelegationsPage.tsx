export function DelegationsPage() {
  return null;
}
