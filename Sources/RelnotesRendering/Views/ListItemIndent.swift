extension String {
    /// The text as the continuation of a Markdown list item: two spaces before every line
    /// that is not empty, without empty lines at the end, no final newline.
    func indentedAsListItem() -> String {
        // Lines as Swift splits them: with `\r`, `\r\n` is one character and no line end.
        if containsByte(UInt8(ascii: "\r")) {
            var lines = split(separator: "\n", omittingEmptySubsequences: false)
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        }
        var bytes = Array(utf8)
        while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16 + 2)
        var atLineStart = true
        for byte in bytes {
            if atLineStart && byte != UInt8(ascii: "\n") { output.append(0x20); output.append(0x20) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
