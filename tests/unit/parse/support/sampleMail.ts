import iconv from "iconv-lite";

// Generators of e-mail messages (RFC 5322 with MIME) and mailboxes for the parser tests.

export interface MailSample {
    /** Leave out to send no From header. */
    from?: string;
    to?: string;
    /** A Message-ID header ("<id@example.com>"); none by default. */
    messageId?: string;
    /** Leave out to send no Subject header. */
    subject?: string;
    /** Sent as the Date header unless null (no Date header). */
    date?: string | null;
    /** Plain-text body. */
    text?: string;
    /** HTML body (sent as the only body when there is no text). */
    html?: string;
    charset?: string;
    attachments?: Array<{ name: string; type: string; content: Buffer }>;
}

/** A message as a mail client saves it (.eml); the body in quoted-printable-free 8-bit, attachments in base64. */
export function buildMail(sample: MailSample): Buffer {
    const charset = sample.charset ?? "utf-8";
    const head = [
        ...(sample.from !== undefined ? [`From: ${sample.from}`] : []), ...(sample.to ? [`To: ${sample.to}`] : []),
        ...(sample.date === null ? [] : [`Date: ${sample.date ?? "Fri, 01 Mar 2024 09:30:00 +0000"}`]),
        ...(sample.subject !== undefined ? [`Subject: ${sample.subject}`] : []), ...(sample.messageId ? [`Message-ID: ${sample.messageId}`] : []),
        "MIME-Version: 1.0"
    ];
    const body: Buffer = sample.html !== undefined && sample.text === undefined
        ? Buffer.from(sample.html) : iconv.encode(sample.text ?? "", charset);
    const bodyType = sample.html !== undefined && sample.text === undefined ? "text/html" : "text/plain";
    if ((sample.attachments ?? []).length === 0) {
        return Buffer.concat([Buffer.from([...head, `Content-Type: ${bodyType}; charset=${charset}`, "Content-Transfer-Encoding: 8bit", "", ""].join("\r\n")), body, Buffer.from("\r\n")]);
    }
    const boundary = "----=_locus_boundary";
    const parts = [
        Buffer.from([...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, "", `--${boundary}`, `Content-Type: ${bodyType}; charset=${charset}`, "Content-Transfer-Encoding: 8bit", "", ""].join("\r\n")),
        body
    ];
    for (const attachment of sample.attachments ?? []) {
        const encoded = attachment.content.toString("base64").replace(/.{76}/g, "$&\r\n");
        parts.push(Buffer.from([``, `--${boundary}`, `Content-Type: ${attachment.type}; name="${attachment.name}"`, `Content-Disposition: attachment; filename="${attachment.name}"`, "Content-Transfer-Encoding: base64", "", encoded].join("\r\n")));
    }
    parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
    return Buffer.concat(parts);
}

/** An mbox file (mboxrd): each message after a "From " separator line, "From " at a body line's start escaped. */
export function buildMbox(messages: Buffer[]): Buffer {
    return Buffer.concat(messages.map((message) => Buffer.concat([
        Buffer.from("From sender@example.com Fri Mar  1 09:30:00 2024\n"),
        Buffer.from(message.toString("latin1").replace(/\r\n/g, "\n").replace(/^(>*From )/gm, ">$1"), "latin1"),
        Buffer.from("\n")
    ])));
}
