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

/// Sections and partials render at the end of one string instead of into strings of their
/// own; indented partials keep their own, as their indentation depends on what they wrote
/// last. Each expected text is what swift-mustache 2.1.1 itself renders, its indentation
/// included (a section nested in an indented partial starts a string of its own there, so
/// the lines after its first are not indented).
final class RenderIntoTests: XCTestCase {
    func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        try library.register(MustacheTemplate(string: "a\n{{#list}}x{{.}}\n{{/list}}{{^none}}n\n{{/none}}b\n"), named: "child")
        try library.register(MustacheTemplate(string: "{{#list}}\n{{.}}\n{{/list}}"), named: "lines")
        try library.register(MustacheTemplate(string: "start\n  {{>child}}\n\t{{>lines}}\nend {{#list}}[{{>lines}}]{{/list}}\n"), named: "parent")
        try library.register(MustacheTemplate(string: "{{#list}}  {{>child}}\n{{/list}}"), named: "loop")
        return library
    }

    let data: [String: Any] = ["list": [1, 2, 3], "none": false]

    /// Indented partials, with sections inside them, and partials inside sections.
    func testIndentedPartialsHoldingSections() throws {
        let rendered = try library().render(data, withTemplate: "parent")
        XCTAssertEqual(rendered, "start\n  a\n  x1\nx2\nx3\n  n\n  b\n\t1\n2\n3\nend [1\n2\n3\n][1\n2\n3\n][1\n2\n3\n]\n")
    }

    /// An indented partial in a section repeated: each repetition indents as the first.
    func testIndentedPartialInARepeatedSection() throws {
        let rendered = try library().render(data, withTemplate: "loop")
        XCTAssertEqual(rendered, String(repeating: "  a\nx1\nx2\nx3\nn\nb\n\n", count: 3))
    }

    /// Nested sections, a template as a value, inverted sections of false and of an empty list.
    func testNestedSectionsAndTemplateValues() throws {
        let inner = try MustacheTemplate(string: "<{{#list}}{{.}},{{/list}}>")
        let template = try MustacheTemplate(string: "{{#a}}{{#b}}{{#list}}({{t}}){{/list}}{{/b}}{{/a}}|{{^a}}no{{/a}}{{^empty}}E{{/empty}}")
        let rendered = template.render(["a": ["b": ["list": [1, 2], "t": inner]], "empty": [Int]()] as [String: Any])
        XCTAssertEqual(rendered, "(<1,2,>)(<1,2,>)|E")
    }
}
