//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

/// An object of the context stack, with what every lookup in it needs worked out once, when
/// it is pushed: whether it is a `MustacheParent`. A protocol cast asks the runtime's
/// conformance cache each time (and, on several threads, contends for it); a lookup that
/// climbs the stack would otherwise cast every object it passes, on every lookup.
struct MustacheContextObject {
    let object: Any
    /// `object` as a `MustacheParent`, when it is one and has no custom representation;
    /// `nil` otherwise (an object with a custom representation is asked for it at every
    /// lookup, as the representation may change).
    let parent: MustacheParent?
    /// Whether `object` has a custom representation.
    let isRepresented: Bool
    /// Whether `object` is a `String`, which has no children to look a name up in (its
    /// `Mirror` has none): found without asking its `Mirror`.
    let isString: Bool

    init(_ object: Any, casts: MustacheCasts) {
        self.object = object
        self.isString = casts.cast(object, .string, as: String.self) != nil
        if self.isString {
            self.isRepresented = false
            self.parent = nil
        } else if casts.cast(object, .customRepresentation, as: MustacheCustomRepresentation.self) != nil {
            self.isRepresented = true
            self.parent = nil
        } else {
            self.isRepresented = false
            self.parent = casts.parent(object)
        }
    }
}

/// The protocol casts of one render, with the types found not to conform remembered, so
/// that each failing cast is asked of the runtime once per type and render; and the dotted
/// names it looks up, split once.
///
/// Only types for which a cast's outcome depends on the type alone are remembered: not
/// `Optional` (a cast looks into `.some`) nor `AnyHashable` (it looks into its box). Used
/// by one render on one thread: it is never shared between renders.
final class MustacheCasts {
    enum Target: UInt16 {
        case customRepresentation = 1
        case parent = 2
        case customRenderable = 4
        case sequence = 8
        case lambda = 16
        case transformable = 32
        case anyOptional = 64
        /// Casts to these two types may bridge (an object to a `String` or a `Bool`): asked
        /// here too, so that a value of another type is told once per type.
        case string = 128
        case bool = 256
    }

    // Used by one thread only (see above): no exclusivity checks, which cost more than the
    // lookups they guard.
    @exclusivity(unchecked) private var types: [ObjectIdentifier] = []
    /// Per type in `types`: the targets it does not conform to; `unremembered`: not to be
    /// remembered.
    @exclusivity(unchecked) private var lacking: [UInt16] = []
    /// Where the last type asked for was found in `types`: lookups repeat one type in a row.
    @exclusivity(unchecked) private var lastIndex = 0
    /// Per type in `types`: how to make a `MustacheParent` of a value of it, once it was
    /// found to be one (and its cast's outcome depends on the type alone).
    @exclusivity(unchecked) private var parentCasters: [(any ParentCaster)?] = []
    /// Likewise for `MustacheSequence`.
    @exclusivity(unchecked) private var sequenceCasters: [(any SequenceCaster)?] = []
    private static let unremembered: UInt16 = 0x8000

    /// The parts of each dotted name looked up in this render (`a.b.c`), split once.
    @exclusivity(unchecked) private var splitNames: [String: [String]] = [:]

    init() {}

    /// `name` split at its dots, as the lookup reads it: worked out once per name and render.
    func parts(of name: String) -> [String] {
        if let parts = self.splitNames[name] { return parts }
        let parts = name.split(separator: ".").map { String($0) }
        self.splitNames[name] = parts
        return parts
    }

    /// `object as? MustacheParent`. For a type found to conform, later values of it are
    /// cast to the type itself (`ParentCaster`), which the runtime answers by comparing
    /// types, without looking up the conformance again.
    func parent(_ object: Any) -> MustacheParent? {
        let index = self.index(of: ObjectIdentifier(Swift.type(of: object)), object: object)
        if let caster = self.parentCasters[index] { return caster.parent(object) }
        guard let parent = self.cast(object, .parent, as: MustacheParent.self) else { return nil }
        if self.lacking[index] & Self.unremembered == 0 { self.parentCasters[index] = Self.caster(for: parent) }
        return parent
    }

    /// `object as? any MustacheSequence`, with casts to the type itself once a type was
    /// found to be one, as for `parent`.
    func sequence(_ object: Any) -> (any MustacheSequence)? {
        let index = self.index(of: ObjectIdentifier(Swift.type(of: object)), object: object)
        if let caster = self.sequenceCasters[index] { return caster.sequence(object) }
        guard let sequence = self.cast(object, .sequence, as: (any MustacheSequence).self) else { return nil }
        if self.lacking[index] & Self.unremembered == 0 { self.sequenceCasters[index] = Self.caster(for: sequence) }
        return sequence
    }

    /// The caster of `parent`'s own type (the existential opened).
    private static func caster<Parent: MustacheParent>(for parent: Parent) -> any ParentCaster {
        TypedParentCaster<Parent>()
    }

    private static func caster<Sequence: MustacheSequence>(for sequence: Sequence) -> any SequenceCaster {
        TypedSequenceCaster<Sequence>()
    }

    /// `object as? T`, where `T` is `target`'s protocol.
    @inline(__always)
    func cast<T>(_ object: Any, _ target: Target, as: T.Type) -> T? {
        let type = ObjectIdentifier(Swift.type(of: object))
        let index = self.index(of: type, object: object)
        if self.lacking[index] & target.rawValue != 0 { return nil }
        if let value = object as? T { return value }
        if self.lacking[index] & Self.unremembered == 0 { self.lacking[index] |= target.rawValue }
        return nil
    }

    private func index(of type: ObjectIdentifier, object: Any) -> Int {
        if self.lastIndex < self.types.count, self.types[self.lastIndex] == type { return self.lastIndex }
        let index = self.find(type, object: object)
        self.lastIndex = index
        return index
    }

    private func find(_ type: ObjectIdentifier, object: Any) -> Int {
        // The most recent types first: lookups repeat in the same few.
        var index = self.types.count - 1
        while index >= 0 {
            if self.types[index] == type { return index }
            index -= 1
        }
        self.types.append(type)
        let dynamicType = Swift.type(of: object)
        // Nor Foundation's objects, which a cast may bridge (an `NSNumber` to a `Bool` or not,
        // by its value).
        let remembered = !(dynamicType is AnyOptional.Type) && dynamicType != AnyHashable.self && !(dynamicType is NSObject.Type)
        self.lacking.append(remembered ? 0 : Self.unremembered)
        self.parentCasters.append(nil)
        self.sequenceCasters.append(nil)
        return self.types.count - 1
    }
}

/// Casts a value known to be of one type that conforms to `MustacheParent`.
protocol ParentCaster {
    func parent(_ object: Any) -> MustacheParent?
}

/// A cast to `Parent` itself, whose conformance comes with the generic parameter: what a
/// cast to the protocol finds by looking the conformance up.
struct TypedParentCaster<Parent: MustacheParent>: ParentCaster {
    func parent(_ object: Any) -> MustacheParent? {
        object as? Parent
    }
}

/// Casts a value known to be of one type that conforms to `MustacheSequence`.
protocol SequenceCaster {
    func sequence(_ object: Any) -> (any MustacheSequence)?
}

/// As `TypedParentCaster`, for `MustacheSequence`.
struct TypedSequenceCaster<Sequence: MustacheSequence>: SequenceCaster {
    func sequence(_ object: Any) -> (any MustacheSequence)? {
        object as? Sequence
    }
}

/// The context stack: each object linked to the one below it, so that pushing one (at every
/// section and every item of a list) makes one node instead of copying the whole stack.
struct MustacheContextStack {
    private final class Node {
        let object: MustacheContextObject
        let below: Node?

        init(_ object: MustacheContextObject, below: Node?) {
            self.object = object
            self.below = below
        }
    }

    private let top: Node

    init(_ object: MustacheContextObject) {
        self.top = Node(object, below: nil)
    }

    private init(top: Node) {
        self.top = top
    }

    /// The innermost object.
    var last: MustacheContextObject? { self.top.object }

    /// The stack with `object` pushed on it.
    func appending(_ object: MustacheContextObject) -> MustacheContextStack {
        MustacheContextStack(top: Node(object, below: self.top))
    }

    /// What `body` gives for the first object, from the innermost out, for which it gives
    /// anything; each object lent to `body`, not copied out of its node.
    @inline(__always)
    func first(_ body: (borrowing MustacheContextObject) -> Any?) -> Any? {
        var node: Node? = self.top
        while let current = node {
            if let value = body(current.object) { return value }
            node = current.below
        }
        return nil
    }
}
