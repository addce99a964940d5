import QRCode from 'qrcode';

/**
 * A QR code as inline SVG, made at build. Error correction M survives a creased or
 * weathered poster; the quiet zone of 4 modules is what scanners expect. The SVG is
 * hidden from screen readers: the address is always printed beside it as text.
 */
export async function qrCodeSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" class="qr-code" ');
}
