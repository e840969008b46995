/**
 * Duplicate map keys in a YAML document, found in linear time. The yaml package's own check
 * (`uniqueKeys: true`) compares each key with every earlier key of its map: 25,000 keys take
 * 20–35 s. Parse with `uniqueKeys: false` and call this instead.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

/** The key nodes that repeat an earlier key of the same map (scalar keys of equal value, as yaml compares them). */
export function duplicateKeys(doc: Document): YamlNode[] {
  const duplicates: YamlNode[] = [];
  // An explicit stack: deeply nested YAML must not overflow the call stack here.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || isAlias(node)) continue;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) duplicates.push(pair.key);
          else seen.add(pair.key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return duplicates;
}
