import QRCode from 'qrcode';

/**
 * The QR code as an SVG document, made on the server so the print page needs no JavaScript.
 * Error correction M survives a crease or a bit of tape on a printed poster.
 */
export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
