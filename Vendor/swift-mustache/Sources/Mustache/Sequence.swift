//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Protocol for objects that can be rendered as a sequence in Mustache
public protocol MustacheSequence: Sequence {}

extension MustacheSequence {
    /// Render section using template, at the end of `output`
    func renderSection(with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        var sequenceContext = MustacheSequenceContext(first: true)

        var iterator = makeIterator()
        guard var currentObject = iterator.next() else { return }

        while let object = iterator.next() {
            template.render(context: context.withSequence(currentObject, sequenceContext: sequenceContext), into: &output)
            currentObject = object
            sequenceContext.first = false
            sequenceContext.index += 1
        }

        sequenceContext.last = true
        template.render(context: context.withSequence(currentObject, sequenceContext: sequenceContext), into: &output)
    }

    /// Render inverted section using template, at the end of `output`
    func renderInvertedSection(with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        var iterator = makeIterator()
        if iterator.next() == nil {
            template.render(context: context.withObject(self), into: &output)
        }
    }
}

/// A sequence whose elements are read by position: rendered by index, without the generic
/// iterator (and its metadata, looked up by the runtime at every section) that
/// `renderSection` uses for other sequences.
protocol MustacheIndexedSequence: MustacheSequence {
    var mustacheCount: Int { get }
    func mustacheElement(at position: Int) -> Any
}

extension MustacheIndexedSequence {
    /// As `renderSection(with:context:into:)`, element by element in order.
    func renderIndexedSection(with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        let count = self.mustacheCount
        var sequenceContext = MustacheSequenceContext(first: true)
        var position = 0
        while position < count {
            if position == count - 1 { sequenceContext.last = true }
            template.render(context: context.withSequence(self.mustacheElement(at: position), sequenceContext: sequenceContext), into: &output)
            sequenceContext.first = false
            sequenceContext.index += 1
            position += 1
        }
    }
}

extension Array: MustacheIndexedSequence {
    var mustacheCount: Int { self.count }
    func mustacheElement(at position: Int) -> Any { self[position] }
}
extension Set: MustacheSequence {}
extension ReversedCollection: MustacheSequence {}
