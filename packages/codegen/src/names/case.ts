/** Splits a database name into words: `order_products`, `orderProducts`, `Order Products`. */
export function words(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `order_products` -> `OrderProducts`. */
export function pascalCase(name: string): string {
  return words(name).map(capitalize).join('');
}

/** `order_products` -> `orderProducts`. */
export function camelCase(name: string): string {
  const [first, ...rest] = words(name);
  if (first === undefined) return '';
  return first.toLowerCase() + rest.map(capitalize).join('');
}
