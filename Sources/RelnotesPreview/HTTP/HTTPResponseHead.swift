import Foundation

/// The status line and header fields of an answer, as bytes.
enum HTTPResponseHead {
    /// `Content-Length` is always the body's length, also for HEAD, which sends no body.
    static func encode(_ response: PreviewResponder.Response, close: Bool) -> Data {
        var text = "HTTP/1.1 \(response.status) \(phrase(response.status))\r\n"
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
            text += "\(name): \(value)\r\n"
        }
        text += "Content-Length: \(response.body.count)\r\n"
        if close { text += "Connection: close\r\n" }
        text += "\r\n"
        return Data(text.utf8)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 414: return "URI Too Long"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Status"
        }
    }
}

extension PreviewResponder.Response {
    /// The short plain-text answer to a request the server refuses before any page is looked at.
    static func refusal(_ status: Int, headers: [String: String] = [:]) -> Self {
        Self(status: status, type: "text/plain; charset=utf-8", body: Data("\(status) \(HTTPResponseHead.phrase(status))\n".utf8), headers: headers)
    }
}
