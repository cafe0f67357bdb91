//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

extension MustacheTemplate {
    /// Render template using object
    /// - Parameters:
    ///   - stack: Object
    ///   - context: Context that render is occurring in. Contains information about position in sequence
    ///   - indentation: indentation of partial
    /// - Returns: Rendered text
    func render(context: MustacheContext) -> String {
        var string = ""
        self.render(context: context, into: &string)
        return string
    }

    /// Renders the template at the end of `output`: sections and partials write where they
    /// stand instead of into strings of their own, appended level by level. An indented
    /// partial keeps a string of its own, since its indentation depends on what it wrote last.
    /// Tokens are read in place (by index), not copied out of the array one by one.
    func render(context: MustacheContext, into output: inout String) {
        if let indentation = context.indentation, indentation != "" {
            var context = context
            var string = ""
            for index in tokens.indices {
                if case .contentType(let contentType) = tokens[index] {
                    context = context.withContentType(contentType)
                    continue
                }
                var renderedString = ""
                self.renderToken(tokens[index], context: context, into: &renderedString)
                // if rendered string is not empty and we are on a new line
                if !renderedString.isEmpty, string.last == "\n" {
                    string += indentation
                }
                string += renderedString
            }
            output += string
        } else {
            self.renderTokens(from: tokens.startIndex, context: context, into: &output)
        }
    }

    /// The tokens from `start` on, with `context` lent to each: a content type token
    /// renders the rest with a context of its own (the context is copied only there, not at
    /// every render of a template, section or list item).
    private func renderTokens(from start: Int, context: MustacheContext, into output: inout String) {
        var index = start
        while index < tokens.endIndex {
            if case .contentType(let contentType) = tokens[index] {
                self.renderTokens(from: index + 1, context: context.withContentType(contentType), into: &output)
                return
            }
            self.renderToken(tokens[index], context: context, into: &output)
            index += 1
        }
    }

    /// One token (a content type token is the caller's: it changes the context of the tokens after it).
    func renderToken(_ token: Token, context: MustacheContext, into output: inout String) {
        switch token {
        case .text(let text):
            output += text

        case .variable(let variable, let transforms):
            if let child = getChild(named: variable, transforms: transforms, context: context) {
                // A string first, as `String(describing:)` below would write it: without
                // asking the runtime what else it might be.
                if let string = context.casts.string(child) {
                    output += context.contentType.escapeText(string)
                } else if let template = child as? MustacheTemplate {
                    template.render(context: context, into: &output)
                } else if let renderable = context.casts.cast(child, .customRenderable, as: MustacheCustomRenderable.self) {
                    output += context.contentType.escapeText(renderable.renderText)
                } else if let lambda = child as? MustacheLambda {
                    output += self.renderLambda(lambda, parameter: "", context: context)
                } else {
                    output += context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(child, casts: context.casts)))
                }
            }

        case .unescapedVariable(let variable, let transforms):
            if let child = getChild(named: variable, transforms: transforms, context: context) {
                if let string = context.casts.string(child) {
                    output += string
                } else if let renderable = context.casts.cast(child, .customRenderable, as: MustacheCustomRenderable.self) {
                    output += renderable.renderText
                } else if let lambda = child as? MustacheLambda {
                    output += self.renderUnescapedLambda(lambda, parameter: "", context: context)
                } else {
                    output += String(describing: unwrapIfAnyContainsOptional(child, casts: context.casts))
                }
            }

        case .section(let variable, let transforms, let template):
            let child = self.getChild(named: variable, transforms: transforms, context: context)
            if let lambda = child.flatMap({ context.casts.cast($0, .lambda, as: MustacheLambda.self) }) {
                output += self.renderUnescapedLambda(lambda, parameter: template.text, context: context)
                return
            }
            self.renderSection(child, with: template, context: context, into: &output)

        case .invertedSection(let variable, let transforms, let template):
            let child = self.getChild(named: variable, transforms: transforms, context: context)
            self.renderInvertedSection(child, with: template, context: context, into: &output)

        case .blockExpansion(let name, let defaultTemplate, let indented):
            if let override = context.inherited?[name] {
                override.render(context: context.withBlockExpansion(indented: indented), into: &output)
            } else {
                defaultTemplate.render(context: context.withBlockExpansion(indented: indented), into: &output)
            }

        case .partial(let name, let indentation, let overrides):
            if var template = context.library?.getTemplate(named: name) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output += "Cannot find template at \(filename)"
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output += "\(error)"
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &output)
            }

        case .dynamicNamePartial(let name, let indentation, let overrides):
            let child = self.getChild(named: name, transforms: [], context: context)
            guard let childName = child as? String else {
                return
            }
            if var template = context.library?.getTemplate(named: childName) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output += "Cannot find template at \(filename)"
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output += "\(error)"
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &output)
            }

        case .contentType:
            break

        case .blockDefinition:
            fatalError("Should not be rendering block definitions")
        }
    }

    /// Render a section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    /// - Returns: Rendered text
    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext) -> String {
        var string = ""
        self.renderSection(child, with: template, context: context, into: &string)
        return string
    }

    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        guard let value = child else { return }
        if let sequence = context.casts.sequence(value) {
            sequence.renderSection(value, with: template, context: context, into: &output)
        } else if let bool = context.casts.bool(value) {
            if bool { template.render(context: context, into: &output) }
        } else if let null = context.casts.cast(value, .customRenderable, as: MustacheCustomRenderable.self), null.isNull == true {
            return
        } else {
            template.render(context: context.withObject(value), into: &output)
        }
    }

    /// Render an inverted section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    func renderInvertedSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        guard let value = child else { return template.render(context: context, into: &output) }
        if let sequence = context.casts.sequence(value) {
            sequence.renderInvertedSection(value, with: template, context: context, into: &output)
        } else if let bool = context.casts.bool(value) {
            if !bool { template.render(context: context, into: &output) }
        } else if let null = context.casts.cast(value, .customRenderable, as: MustacheCustomRenderable.self), null.isNull == true {
            template.render(context: context, into: &output)
        }
    }

    func renderLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: context.contentType.escapeText(string))
                    return self.renderSection(context.stack.last?.object, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(result, casts: context.casts)))
            }
        }
    }

    func renderUnescapedLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: string)
                    return self.renderSection(context.stack.last?.object, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return String(describing: unwrapIfAnyContainsOptional(result, casts: context.casts))
            }
        }
    }

    /// Get child object from variable name
    func getChild(named name: String, transforms: [String], context: MustacheContext) -> Any? {
        let casts = context.casts

        func _getImmediateChild(named name: String, from object: Any) -> Any? {
            _getImmediateChild(named: name, from: MustacheContextObject(object, casts: casts))
        }

        func _getImmediateChild(named name: String, from object: borrowing MustacheContextObject) -> Any? {
            switch object.lookup {
            case .typedParent(let caster): return caster.child(named: name, of: object.object)
            case .parent(let parent): return parent.child(named: name)
            case .string: return nil
            case .mirror: return Mirror(reflecting: object.object).getValue(forKey: name)
            case .represented: break
            }
            let represented = casts.cast(object.object, .customRepresentation, as: MustacheCustomRepresentation.self)?.representation
            if let customBox = represented.flatMap({ casts.cast($0, .parent, as: MustacheParent.self) }) {
                return customBox.child(named: name)
            } else if let represented {
                let mirror = Mirror(reflecting: represented)
                return mirror.getValue(forKey: name)
            } else {
                return nil
            }
        }

        func _getChild(named names: ArraySlice<String>, from object: Any) -> Any? {
            guard let name = names.first else { return object }
            var object = object
            if let lambda = object as? MustacheLambda {
                guard let result = lambda("") else { return nil }
                object = result
            }
            guard let childObject = _getImmediateChild(named: name, from: object) else { return nil }
            let names2 = names.dropFirst()
            return _getChild(named: names2, from: childObject)
        }

        func _getChildInStack(named names: ArraySlice<String>, from stack: MustacheContextStack) -> Any? {
            guard let name = names.first else { return stack.last?.object }
            guard let childObject = _getChildInStack(named: name, from: stack) else { return nil }
            return _getChild(named: names.dropFirst(), from: childObject)
        }

        /// `_getChildInStack` for a name without a `.`: no split.
        func _getChildInStack(named name: String, from stack: MustacheContextStack) -> Any? {
            stack.first { object in _getImmediateChild(named: name, from: object) }
        }

        // work out which object to access. "." means the current object, if the variable name is ""
        // and we have a transform to run on the variable then we need the context object, otherwise
        // the name is split by "." and we use mirror to get the correct child object. If we cannot find
        // the root object we look up the context stack until we can find one with a matching name. The
        // stack climbing can be disabled by prefixing the variable name with a "."
        // The name's first byte settles which kind of name it is, without comparing
        // characters: only "." is "." and only a "." byte can start a "." character.
        var child: Any?
        let first = name.utf8.first
        if first == UInt8(ascii: "."), name.utf8.count == 1 {
            child = context.stack.last!.object
        } else if first == nil, !transforms.isEmpty {
            child = context.sequenceContext
        } else if first == UInt8(ascii: "."), name.first == "." {
            let nameSplit = casts.parts(of: name)
            child = _getChild(named: nameSplit[...], from: context.stack.last!.object)
        } else if !Self.containsDot(name) {
            child = _getChildInStack(named: name, from: context.stack)
        } else {
            let nameSplit = casts.parts(of: name)
            child = _getChildInStack(named: nameSplit[...], from: context.stack)
        }

        if let value = child {
            // `NSNull`'s representation is `nil`: told by its type alone, without a protocol
            // cast (nor `is NSNull`, which may first bridge a value to an object). A subclass
            // takes the cast below, to the same answer.
            if Swift.type(of: value) == NSNull.self {
                child = nil
            } else if let custom = casts.cast(value, .customRepresentation, as: MustacheCustomRepresentation.self) {
                child = custom.representation
            }
        }

        // skip transforms if child is already nil
        guard var child else {
            return nil
        }

        // if we want to run a transform and the current child can have transforms applied to it then
        // run transform on the current child
        for transform in transforms.reversed() {
            // The sequence context (`first()`, `last()`, …) is told by its type, read in
            // place: a cast that succeeds is asked of the runtime every time.
            if Swift.type(of: child) == MustacheSequenceContext.self,
                let transformed = withValue(of: child, as: MustacheSequenceContext.self, { $0.transform(transform) })
            {
                child = transformed
                continue
            }
            if let runnable = casts.cast(child, .transformable, as: MustacheTransformable.self),
                let transformed = runnable.transform(transform)
            {
                child = transformed
                continue
            }

            // return nil if transform is unsuccessful or has returned nil
            return nil
        }
        return child
    }

    /// Whether `name` holds a `.`, read from its bytes.
    private static func containsDot(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in bytes.contains(UInt8(ascii: ".")) }
    }

    private func unwrapIfAnyContainsOptional(_ value: Any, casts: MustacheCasts) -> Any {
        guard let opt = casts.cast(value, .anyOptional, as: AnyOptional.self) else { return value }
        return opt.anyWrapped ?? value  // nil? keep the original Optional.none
    }
}
