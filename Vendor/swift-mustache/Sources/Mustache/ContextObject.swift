//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

/// An object of the context stack, with what every lookup in it needs worked out once, when
/// it is pushed: how a name is looked up in it. A protocol cast asks the runtime's
/// conformance cache each time (and, on several threads, contends for it); a lookup that
/// climbs the stack would otherwise cast every object it passes, on every lookup.
struct MustacheContextObject {
    let object: Any
    /// How a name is looked up in `object`.
    let lookup: MustacheLookup

    init(_ object: Any, casts: MustacheCasts) {
        self.object = object
        self.lookup = casts.lookup(object)
    }
}

/// How names are looked up in an object of the context stack.
enum MustacheLookup {
    /// A `MustacheParent` of a type found to be one: asked through its caster, which reads
    /// the object in place, without copying it out of its box.
    case typedParent(ParentCaster)
    /// A `MustacheParent` whose cast's outcome may depend on its value (see `MustacheCasts`).
    case parent(MustacheParent)
    /// A `String`, which has no children to look a name up in (its `Mirror` has none).
    case string
    /// An object with a custom representation, asked for it at every lookup, as the
    /// representation may change.
    case represented
    /// Anything else: its `Mirror`.
    case mirror
}

/// The protocol casts of the renders on one thread, with the types found not to conform
/// remembered, so that each failing cast is asked of the runtime once per type and thread;
/// and the dotted names they look up, split once.
///
/// Only types for which a cast's outcome depends on the type alone are remembered: not
/// `Optional` (a cast looks into `.some`) nor `AnyHashable` (it looks into its box). What
/// it remembers holds for the whole process (a type's conformances do not change), so each
/// thread keeps one across its renders (`ofThisThread`); it is never shared between
/// threads. A render within a render (a lambda's) uses it in turn, never at once.
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
    /// Per type in `types`: how to render a value of it as a section, once it was found to be
    /// a `MustacheSequence` (and its cast's outcome depends on the type alone).
    @exclusivity(unchecked) private var sequenceCasters: [SequenceCaster?] = []
    /// Per type in `types`: how names are looked up in a value of it, once worked out (for
    /// types whose casts' outcomes depend on the type alone).
    @exclusivity(unchecked) private var lookups: [MustacheLookup?] = []
    private static let unremembered: UInt16 = 0x8000

    /// The parts of each dotted name looked up on this thread (`a.b.c`), split once.
    @exclusivity(unchecked) private var splitNames: [String: [String]] = [:]

    init() {}

    /// This thread's casts, made at its first render and kept until it ends.
    static var ofThisThread: MustacheCasts {
        if let stored = pthread_getspecific(threadKey) {
            return Unmanaged<MustacheCasts>.fromOpaque(stored).takeUnretainedValue()
        }
        let casts = MustacheCasts()
        pthread_setspecific(threadKey, Unmanaged.passRetained(casts).toOpaque())
        return casts
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        #if os(Linux)
        pthread_key_create(&key) { stored in stored.map { Unmanaged<MustacheCasts>.fromOpaque($0).release() } }
        #else
        pthread_key_create(&key) { stored in Unmanaged<MustacheCasts>.fromOpaque(stored).release() }
        #endif
        return key
    }()

    /// `name` split at its dots, as the lookup reads it: worked out once per name and thread.
    func parts(of name: String) -> [String] {
        if let parts = self.splitNames[name] { return parts }
        let parts = name.split(separator: ".").map { String($0) }
        self.splitNames[name] = parts
        return parts
    }

    /// How names are looked up in `object` (`MustacheContextObject`): worked out once per
    /// type and thread where the casts' outcomes depend on the type alone.
    func lookup(_ object: Any) -> MustacheLookup {
        let index = self.index(of: ObjectIdentifier(Swift.type(of: object)), object: object)
        if let lookup = self.lookups[index] { return lookup }
        let remembered = self.lacking[index] & Self.unremembered == 0
        let lookup: MustacheLookup
        if self.cast(object, .string, as: String.self) != nil {
            lookup = .string
        } else if self.cast(object, .customRepresentation, as: MustacheCustomRepresentation.self) != nil {
            lookup = .represented
        } else if let parent = self.cast(object, .parent, as: MustacheParent.self) {
            lookup = remembered ? .typedParent(Self.caster(for: parent)) : .parent(parent)
        } else {
            lookup = .mirror
        }
        if remembered { self.lookups[index] = lookup }
        return lookup
    }

    /// The caster of `object`'s type, when it is a `MustacheSequence` (`SequenceCaster`);
    /// once a type was found to be one, later values of it are not cast again.
    func sequence(_ object: Any) -> SequenceCaster? {
        let index = self.index(of: ObjectIdentifier(Swift.type(of: object)), object: object)
        if let caster = self.sequenceCasters[index] { return caster }
        guard let sequence = self.cast(object, .sequence, as: (any MustacheSequence).self) else { return nil }
        let caster = (sequence as? any MustacheIndexedSequence).map { Self.caster(for: $0) } ?? Self.caster(for: sequence)
        if self.lacking[index] & Self.unremembered == 0 { self.sequenceCasters[index] = caster }
        return caster
    }

    /// The caster of `parent`'s own type (the existential opened).
    private static func caster<Parent: MustacheParent>(for parent: Parent) -> ParentCaster {
        TypedParentCaster<Parent>()
    }

    private static func caster<Sequence: MustacheSequence>(for sequence: Sequence) -> SequenceCaster {
        TypedSequenceCaster<Sequence>()
    }

    private static func caster<Sequence: MustacheIndexedSequence>(for sequence: Sequence) -> SequenceCaster {
        IndexedSequenceCaster<Sequence>()
    }

    /// `object as? String`: a `String` itself read without the runtime's cast (which copies
    /// the value out to test it); anything else cast as before, since it may bridge.
    @inline(__always)
    func string(_ object: Any) -> String? { self.value(object, .string, as: String.self) }

    /// `object as? Bool`, likewise.
    @inline(__always)
    func bool(_ object: Any) -> Bool? { self.value(object, .bool, as: Bool.self) }

    @inline(__always)
    private func value<T>(_ object: Any, _ target: Target, as type: T.Type) -> T? {
        if Swift.type(of: object) == type { return withValue(of: object, as: type) { copy $0 } }
        return self.cast(object, target, as: type)
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
        self.sequenceCasters.append(nil)
        self.lookups.append(nil)
        return self.types.count - 1
    }
}

/// `object`'s value read in place as a `Value`, which the caller knows to be `object`'s
/// dynamic type (a caster is chosen by that type): without the runtime's cast, which
/// copies the value out of its box to test it. An `Any` may hold another existential (an
/// element of an `[Any]` read by generic code is an `Any` inside an `Any`), whose dynamic
/// type is the innermost value's: that one is cast as before.
@inline(__always)
func withValue<Value, Result>(of object: Any, as _: Value.Type, _ body: (borrowing Value) -> Result) -> Result {
    func opened<Opened>(_ value: Opened) -> Result {
        guard Opened.self == Value.self else { return body(value as! Value) }
        return withUnsafePointer(to: value) { pointer in
            pointer.withMemoryRebound(to: Value.self, capacity: 1) { body($0.pointee) }
        }
    }
    return _openExistential(object, do: opened)
}

/// Looks names up in values of one type that conforms to `MustacheParent`.
class ParentCaster {
    /// `object`'s child named `name`; `object` must be of the caster's type.
    func child(named name: String, of object: Any) -> Any? { nil }
}

/// `Parent` itself, whose conformance comes with the generic parameter: what a cast to the
/// protocol finds by looking the conformance up.
final class TypedParentCaster<Parent: MustacheParent>: ParentCaster {
    override func child(named name: String, of object: Any) -> Any? {
        withValue(of: object, as: Parent.self) { $0.child(named: name) }
    }
}

/// Renders sections of values of one type that conforms to `MustacheSequence`.
class SequenceCaster {
    /// `object`, which must be of the caster's type, rendered as a section.
    func renderSection(_ object: Any, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {}
    /// `object`, which must be of the caster's type, rendered as an inverted section.
    func renderInvertedSection(_ object: Any, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {}
}

/// As `TypedParentCaster`, for `MustacheSequence`.
final class TypedSequenceCaster<Sequence: MustacheSequence>: SequenceCaster {
    override func renderSection(_ object: Any, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        withValue(of: object, as: Sequence.self) { $0.renderSection(with: template, context: context, into: &output) }
    }

    override func renderInvertedSection(_ object: Any, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        withValue(of: object, as: Sequence.self) { $0.renderInvertedSection(with: template, context: context, into: &output) }
    }
}

/// As `TypedSequenceCaster`, for sequences read by position (`MustacheIndexedSequence`).
final class IndexedSequenceCaster<Sequence: MustacheIndexedSequence>: SequenceCaster {
    override func renderSection(_ object: Any, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        withValue(of: object, as: Sequence.self) { $0.renderIndexedSection(with: template, context: context, into: &output) }
    }

    override func renderInvertedSection(_ object: Any, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        let isEmpty = withValue(of: object, as: Sequence.self) { $0.mustacheCount == 0 }
        if isEmpty { template.render(context: context.withObject(object), into: &output) }
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
