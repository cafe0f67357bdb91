//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation
import Mustache
import XCTest

/// Lists read by position (`MustacheIndexedSequence`), parents read in place by their
/// type's caster, and `String` and `Bool` told by their type change no output. Each expected
/// text is what swift-mustache 2.1.1 itself renders.
final class IndexedListTests: XCTestCase {
    struct Item: MustacheParent {
        let name: String
        let tags: [String]
        let flag: Bool
        func child(named name: String) -> Any? {
            switch name {
            case "name": return self.name
            case "tags": return self.tags
            case "flag": return self.flag
            default: return nil
            }
        }
    }

    class Node: MustacheParent {
        let label: String
        init(_ label: String) { self.label = label }
        func child(named name: String) -> Any? { name == "label" ? self.label : nil }
    }

    final class LeafNode: Node {
        override func child(named name: String) -> Any? { name == "leaf" ? "yes" : super.child(named: name) }
    }

    /// Lists of parents with positions, nested lists, an empty list and a list of one.
    func testListsOfParents() throws {
        let list = try MustacheTemplate(string: "{{#items}}{{index()}}:{{name}}{{#first()}}^{{/first()}}{{#last()}}${{/last()}}{{#even()}}e{{/even()}}{{#flag}}!{{/flag}}({{#tags}}{{.}}{{^last()}},{{/last()}}{{/tags}}{{^tags}}none{{/tags}});{{/items}}{{^items}}empty{{/items}}")
        let items = [Item(name: "a", tags: ["x", "y"], flag: true), Item(name: "b", tags: [], flag: false), Item(name: "c", tags: ["z"], flag: true)]
        XCTAssertEqual(list.render(["items": items]), "0:a^e!(x,y);1:b(none);2:c$e!(z);")
        XCTAssertEqual(list.render(["items": [Item]()]), "empty")
        XCTAssertEqual(list.render(["items": [items[1]]]), "0:b^$e(none);")
    }

    /// Class parents, of a class and of its subclass, in one list: each read as its own type.
    func testClassesAndSubclasses() throws {
        let nodes = try MustacheTemplate(string: "{{#nodes}}{{label}}/{{leaf}}{{^leaf}}-{{/leaf}};{{/nodes}}")
        let mixed: [Node] = [Node("n1"), LeafNode("n2"), Node("n3"), LeafNode("n4")]
        XCTAssertEqual(nodes.render(["nodes": mixed]), "n1/-;n2/yes;n3/-;n4/yes;")
    }

    /// Sequences that are not arrays (a `Set`, a `ReversedCollection`), lists of lists and
    /// empty ones, as sections and inverted sections.
    func testOtherSequences() throws {
        let others = try MustacheTemplate(string: "{{#set}}{{.}}{{/set}}|{{#rev}}{{.}}{{^last()}},{{/last()}}{{/rev}}|{{^none}}no{{/none}}|{{#nested}}[{{#.}}{{.}}{{/.}}]{{/nested}}|{{#emptyRev}}x{{/emptyRev}}{{^emptyRev}}er{{/emptyRev}}")
        XCTAssertEqual(others.render(["set": Set([7]), "rev": [1, 2, 3].reversed(), "none": [String](), "nested": [[1, 2], [], [3]], "emptyRev": [Int]().reversed()] as [String: Any]), "7|3,2,1|no|[12][][3]|er")
    }

    /// Foundation values that a cast bridges to a `String` or a `Bool`, and a `Bool` itself.
    func testBridgedStringsAndBools() throws {
        let bridged = try MustacheTemplate(string: "{{s}}|{{#b}}T{{/b}}{{^b}}F{{/b}}|{{#n}}N{{/n}}{{^n}}z{{/n}}|{{#one}}1{{/one}}|{{#t}}T{{/t}}")
        XCTAssertEqual(bridged.render(["s": NSString(string: "ns<"), "b": NSNumber(value: false), "n": NSNumber(value: 0), "one": NSNumber(value: true), "t": true] as [String: Any]), "ns&lt;|F|z|1|T")
    }

    /// An `[Any]`, whose elements generic code reads as an `Any` inside an `Any`: parents,
    /// strings, numbers and flags in one list.
    func testListOfAny() throws {
        let items = [Item(name: "a", tags: ["x", "y"], flag: true), Item(name: "b", tags: [], flag: false), Item(name: "c", tags: ["z"], flag: true)]
        let anyList = try MustacheTemplate(string: "{{#list}}<{{name}}{{label}}>{{/list}}")
        XCTAssertEqual(anyList.render(["list": [items[0], Node("q"), "s", 4, true] as [Any]]), "<a><q><><><>")
    }
}
