/// Turns the bytes of an events CSV file, chunk by chunk, into COPY's text format with the
/// ledger reader's reading of a cell: RFC 4180 quotes, spaces and tabs around cells trimmed,
/// blank lines skipped, an empty cell NULL. A chunk may end anywhere, even inside a quoted
/// field: the state carries over.
struct EventsCopyStream {
  private var cell: [UInt8] = []
  /// Bytes of `cell` that are trailing spaces or tabs (unquoted cells lose them).
  private var trailingSpace = 0
  private var atFieldStart = true
  private var inQuotes = false
  /// Inside quotes, a quote was just read: either a doubled quote or the closing one.
  private var quotePending = false
  private var wasQuoted = false
  private var fieldsInRecord = 0
  /// Records written.
  private(set) var records = 0

  /// The COPY text for `chunk`.
  mutating func feed(_ chunk: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(chunk.count + chunk.count / 8)
    for b in chunk { step(b, &out) }
    return out
  }

  /// What is left at the end of the file (a last record without a line feed).
  mutating func finish() -> [UInt8] {
    var out: [UInt8] = []
    if quotePending {
      quotePending = false
      inQuotes = false
    }
    if fieldsInRecord > 0 || !cell.isEmpty || wasQuoted || inQuotes {
      inQuotes = false
      endRecord(&out)
    }
    return out
  }

  private mutating func step(_ b: UInt8, _ out: inout [UInt8]) {
    if inQuotes {
      if quotePending {
        quotePending = false
        if b == 34 {
          cell.append(34)  // "" stands for one quote
          return
        }
        inQuotes = false  // the closing quote; b is read as after a quoted field
      } else if b == 34 {
        quotePending = true
        return
      } else {
        cell.append(b)
        return
      }
    }
    switch b {
    case 44:  // ,
      endField(&out)
    case 10:  // LF
      if fieldsInRecord == 0 && cell.isEmpty && !wasQuoted { return }  // a blank line
      endRecord(&out)
    case 13:  // CR of CRLF
      return
    case 32, 9:
      if atFieldStart || wasQuoted { return }
      cell.append(b)
      trailingSpace += 1
    case 34 where atFieldStart:
      inQuotes = true
      wasQuoted = true
      atFieldStart = false
    default:
      if wasQuoted { return }  // text after a closing quote: the reader rejects such a row
      atFieldStart = false
      cell.append(b)
      trailingSpace = 0
    }
  }

  private mutating func endField(_ out: inout [UInt8]) {
    if fieldsInRecord > 0 { out.append(9) }
    if !wasQuoted { cell.removeLast(trailingSpace) }
    if cell.isEmpty {
      out += [92, 78]  // \N
    } else {
      for c in cell {
        switch c {
        case 92: out += [92, 92]
        case 9: out += [92, 116]
        case 10: out += [92, 110]
        case 13: out += [92, 114]
        default: out.append(c)
        }
      }
    }
    cell.removeAll(keepingCapacity: true)
    trailingSpace = 0
    atFieldStart = true
    wasQuoted = false
    fieldsInRecord += 1
  }

  private mutating func endRecord(_ out: inout [UInt8]) {
    endField(&out)
    out.append(10)
    fieldsInRecord = 0
    records += 1
  }
}
