// Attachment type checks by content: the accepted kinds, Office files told apart by their content
// types, and markup or mislabelled files refused.
import { describe, expect, it } from "vitest";
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { checkAttachment, sniffKind } from "./attachment-types";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const ole = (stream: string) => Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512), Buffer.from(stream, "utf16le")]);

describe("attachment types", () => {
  it("accepts the listed kinds by their bytes", async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("情况说明")] }] }));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("统计").addRow(["单位", 1]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(checkAttachment("情况说明.docx", docx)?.kind).toBe("docx");
    expect(checkAttachment("统计.xlsx", xlsx)?.kind).toBe("xlsx");
    expect(checkAttachment("a.pdf", Buffer.from("%PDF-1.7\n..."))?.mime).toBe("application/pdf");
    expect(checkAttachment("a.PNG", PNG)?.kind).toBe("png");
    expect(checkAttachment("a.jpeg", Buffer.from("ffd8ffe000104a464946", "hex"))?.kind).toBe("jpg");
    expect(checkAttachment("a.gif", Buffer.from("GIF89a\x01\x00", "latin1"))?.kind).toBe("gif");
    expect(checkAttachment("a.webp", Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1"))?.kind).toBe("webp");
    expect(checkAttachment("a.doc", ole("WordDocument"))?.kind).toBe("doc");
    expect(checkAttachment("a.xls", ole("Workbook"))?.kind).toBe("xls");
    expect(checkAttachment("记录.txt", Buffer.from("家长反映：每学期额外收费。\r\n第二行"))?.kind).toBe("txt");
    // A docx is not a spreadsheet: the extension must agree with the content.
    expect(checkAttachment("统计.xlsx", docx)).toBeNull();
  });

  it("refuses markup, other zips, executables and mislabelled files", () => {
    expect(sniffKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(checkAttachment("a.svg", Buffer.from("<svg/>"))).toBeNull();
    expect(checkAttachment("page.txt", Buffer.from("<!doctype html><html><body>x</body></html>"))).toBeNull();
    expect(checkAttachment("page.txt", Buffer.from("note\n<script>alert(1)</script>"))).toBeNull();
    expect(checkAttachment("a.html", Buffer.from("hello"))).toBeNull();
    expect(checkAttachment("image.txt", PNG)).toBeNull();
    expect(checkAttachment("a.exe", Buffer.from("MZ\x90\x00\x03\x00", "latin1"))).toBeNull();
    expect(checkAttachment("a.txt", Buffer.from([0xff, 0xfe, 0x00, 0x41]))).toBeNull();
    // A plain zip (no Office content types) and an OLE file that is neither Word nor Excel.
    expect(sniffKind(Buffer.from("504b0304140000000000", "hex"))).toBeNull();
    expect(checkAttachment("a.doc", ole("PowerPoint Document"))).toBeNull();
  });
});
