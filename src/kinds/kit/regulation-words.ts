/**
 * What a list of regulations is called in Vietnamese: Viet Nam's QCVN are national technical
 * regulations ("quy chuẩn kỹ thuật quốc gia"), Korea's KN are technical standards ("tiêu chuẩn kỹ
 * thuật"); anything else, or a mix, takes the general term.
 */
export function regulationsLabel(ids: readonly string[]): string {
  if (ids.length > 0 && ids.every((id) => id.startsWith('VN:QCVN '))) return 'Quy chuẩn kỹ thuật quốc gia';
  if (ids.length > 0 && ids.every((id) => id.startsWith('KR:KN '))) return 'Tiêu chuẩn kỹ thuật';
  return 'Quy chuẩn, tiêu chuẩn kỹ thuật';
}
