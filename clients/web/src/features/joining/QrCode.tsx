import QRCode from "qrcode";
import { useEffect, useState } from "react";

/** A QR code of <text> as an image (the qrcode library draws it as SVG markup, turned into a data URL here). */
export function QrCode({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" })
      .then((svg) => {
        if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (current) setSrc(null);
      });
    return () => {
      current = false;
    };
  }, [text]);
  return src ? (
    <img className="qr" src={src} width={size} height={size} alt={label} data-qr={text} />
  ) : (
    <span className="qr" style={{ width: size, height: size }} />
  );
}
