/**
 * What a list of regulations is called in Vietnamese: Viet Nam's QCVN are national technical
 * regulations ("quy chuẩn kỹ thuật quốc gia"); any other economy's regulation (Korea's KN
 * included), or a mix, is a technical regulation ("quy chuẩn kỹ thuật"): "tiêu chuẩn" names a
 * standard only, never a regulation the engine screens against.
 */
export function regulationsLabel(ids: readonly string[]): string {
  if (ids.length > 0 && ids.every((id) => id.startsWith('VN:QCVN '))) return 'Quy chuẩn kỹ thuật quốc gia';
  return 'Quy chuẩn kỹ thuật';
}
