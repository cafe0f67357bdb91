import Relnotes
import RelnotesModel

/// Two audiences' blocks of one release page, lined up: a sequence diff of their keys
/// (Myers', through the standard library's `difference(from:)`), so a block one audience
/// does not see stands against a gap, and the same block (the same entry, the same body
/// text) stands side by side, marked when its HTML differs.
struct BlockComparison: Sendable {
    enum Status: String, Sendable {
        case same
        /// Both see it, shown differently (a tracker link for one of them, an overridden field).
        case changed
        case onlyA = "only-a"
        case onlyB = "only-b"
    }

    struct Row: Sendable {
        var a: PageBlock?
        var b: PageBlock?
        var status: Status
    }

    let rows: [Row]

    init(a: [PageBlock], b: [PageBlock]) {
        let difference = b.map(\.key).difference(from: a.map(\.key))
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case let .remove(offset, _, _): removed.insert(offset)
            case let .insert(offset, _, _): inserted.insert(offset)
            }
        }
        var rows: [Row] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                rows.append(Row(a: a[i], b: nil, status: .onlyA))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                rows.append(Row(a: nil, b: b[j], status: .onlyB))
                j += 1
            } else {
                rows.append(Row(a: a[i], b: b[j], status: a[i].html == b[j].html ? .same : .changed))
                i += 1
                j += 1
            }
        }
        self.rows = rows
    }

    func count(_ status: Status) -> Int { rows.count { $0.status == status } }
}
