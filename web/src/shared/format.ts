// Formatting for Vietnamese users: money in whole đồng, dates dd/mm/yyyy.
const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });
const plain = new Intl.NumberFormat('vi-VN');
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 1234567890 -> "1.234.567.890 ₫" (with a no-break space before ₫). */
export function formatVnd(amount: number): string {
  return vnd.format(amount);
}

/** A short summary: "120 tỷ đồng", "1,5 tỷ đồng", "850 triệu đồng". */
export function formatVndShort(amount: number): string {
  const abs = Math.abs(amount);
  if (abs >= 1e9) return `${oneDecimal.format(amount / 1e9)} tỷ đồng`;
  if (abs >= 1e6) return `${oneDecimal.format(amount / 1e6)} triệu đồng`;
  return `${plain.format(amount)} đồng`;
}

export function formatNumber(n: number): string {
  return plain.format(n);
}

/** "2018-03-05" -> "05/03/2018". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

// Built on first use: the time zone's data is loaded then, not as every page starts.
let vietnamTime: Intl.DateTimeFormat | undefined;

/** "2026-11-29T03:05:00Z" -> "29/11/2026 10:05" (Vietnam time, UTC+7). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  vietnamTime ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return vietnamTime.format(d).replace(',', '');
}
