package roundtrip

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"time"
)

// The GORM model set: a shop, written as a Go team using GORM writes it.
// retort does not import gorm, so Model, DeletedAt and JSON stand in for
// gorm.Model, gorm.DeletedAt and gorm.io/datatypes.JSON, with their shapes
// and tags.

// DeletedAt has gorm.DeletedAt's shape.
type DeletedAt sql.NullTime

// Value makes DeletedAt a driver.Valuer, as gorm.DeletedAt is.
func (d DeletedAt) Value() (driver.Value, error) { return sql.NullTime(d).Value() }

// Model is gorm.Model, field for field.
type Model struct {
	ID        uint `gorm:"primarykey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt DeletedAt `gorm:"index"`
}

// JSON is datatypes.JSON's shape.
type JSON json.RawMessage

// CustomerTier is an enum-like named string type.
type CustomerTier string

// Customer tiers.
const (
	TierBasic CustomerTier = "basic"
	TierGold  CustomerTier = "gold"
)

// OrderStatus is an enum-like named string type.
type OrderStatus string

// Order statuses.
const (
	StatusPending OrderStatus = "pending"
	StatusPaid    OrderStatus = "paid"
)

// Customer has many addresses and orders, and is soft-deleted.
type Customer struct {
	Model
	Name      string       `gorm:"size:100;not null"`
	Email     string       `gorm:"size:191;uniqueIndex"`
	Phone     *string      `gorm:"size:20"`
	Tier      CustomerTier `gorm:"size:16;not null;default:basic"`
	Addresses []Address
	Orders    []Order
}

// Coord is embedded in Address with a prefix.
type Coord struct {
	Lat float64
	Lng float64
}

// Address belongs to a customer (through Customer.Addresses).
type Address struct {
	ID         uint   `gorm:"primaryKey"`
	CustomerID uint   `gorm:"not null;index"`
	Street     string `gorm:"size:200"`
	City       string `gorm:"size:100;index:idx_addresses_city_zip,priority:1"`
	Zip        string `gorm:"size:10;index:idx_addresses_city_zip,priority:2"`
	Geo        Coord  `gorm:"embedded;embeddedPrefix:geo_"`
}

// Category is a tree: a self-referencing belongs-to, and a composite
// unique index.
type Category struct {
	ID       uint      `gorm:"primaryKey"`
	ParentID *uint     `gorm:"uniqueIndex:idx_categories_parent_name,priority:1"`
	Parent   *Category `gorm:"constraint:OnDelete:SET NULL"`
	Name     string    `gorm:"size:80;not null;uniqueIndex:idx_categories_parent_name,priority:2"`
}

// Item is a product: a JSON column, a serialized list, a nullable FK.
type Item struct {
	Model
	SKU        string    `gorm:"column:sku;size:32;not null;uniqueIndex"`
	Title      string    `gorm:"size:200;not null"`
	Price      int64     `gorm:"not null;default:0"`
	CategoryID *uint     `gorm:"index"`
	Category   *Category `gorm:"constraint:OnDelete:SET NULL"`
	Attrs      JSON
	Tags       []string `gorm:"serializer:json"`
	Active     bool     `gorm:"default:true"`
}

// ItemTag has a composite primary key (no auto-increment) and belongs to
// an item.
type ItemTag struct {
	ItemID uint   `gorm:"primaryKey"`
	Item   Item   `gorm:"constraint:OnDelete:CASCADE"`
	Tag    string `gorm:"primaryKey;size:40"`
}

// Order belongs to a customer, has many lines and one shipment.
type Order struct {
	Model
	CustomerID uint        `gorm:"not null"`
	Customer   Customer    `gorm:"constraint:OnDelete:CASCADE"`
	Status     OrderStatus `gorm:"size:16;not null;default:pending;index"`
	Total      int64       `gorm:"not null;default:0;check:chk_orders_total,total >= 0"`
	Note       *string
	PlacedAt   *time.Time
	Lines      []OrderLine `gorm:"constraint:OnDelete:CASCADE"`
	Shipment   *Shipment
}

// OrderLine has a composite unique index over two FKs.
type OrderLine struct {
	ID        uint  `gorm:"primaryKey"`
	OrderID   uint  `gorm:"not null;uniqueIndex:idx_order_lines_order_item"`
	ItemID    uint  `gorm:"not null;uniqueIndex:idx_order_lines_order_item"`
	Item      Item  `gorm:"constraint:OnDelete:RESTRICT"`
	Qty       int32 `gorm:"not null;default:1;check:qty > 0"`
	UnitPrice int64 `gorm:"not null"`
}

// PaymentMethod is an enum-like named string type.
type PaymentMethod string

// Payment belongs to an order.
type Payment struct {
	ID        uint          `gorm:"primaryKey"`
	OrderID   uint          `gorm:"not null;index"`
	Order     Order         `gorm:"constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Amount    float64       `gorm:"precision:12;scale:2;not null"`
	Method    PaymentMethod `gorm:"size:20;not null"`
	Reference string        `gorm:"size:64;unique"`
	PaidAt    time.Time     `gorm:"not null"`
}

// Shipment is the has-one side of Order.Shipment.
type Shipment struct {
	Model
	OrderID  uint   `gorm:"not null;uniqueIndex"`
	Carrier  string `gorm:"size:40"`
	Tracking string `gorm:"size:64;index:idx_shipments_tracking,sort:desc"`
}

// Review belongs to an item and a customer, once per pair.
type Review struct {
	ID         uint     `gorm:"primaryKey"`
	ItemID     uint     `gorm:"not null;uniqueIndex:idx_reviews_item_customer"`
	Item       Item     `gorm:"constraint:OnDelete:CASCADE"`
	CustomerID uint     `gorm:"not null;uniqueIndex:idx_reviews_item_customer"`
	Customer   Customer `gorm:"constraint:OnDelete:CASCADE"`
	Rating     int16    `gorm:"not null;check:rating >= 1"`
	Body       string   `gorm:"type:text"`
}

// Coupon has a string primary key and its own soft-delete column.
type Coupon struct {
	Code      string `gorm:"primaryKey;size:32"`
	Percent   int8   `gorm:"not null"`
	ExpiresAt *time.Time
	DeletedAt DeletedAt `gorm:"index"`
}

// Person: GORM's irregular plural (people), the id key by convention, a
// manager by self-reference, and sqlx db tags next to gorm tags.
type Person struct {
	ID        uint    `gorm:"column:id" db:"id"`
	Name      string  `gorm:"size:100;not null" db:"name"`
	ManagerID *uint   `gorm:"column:manager_id" db:"manager_id"`
	Manager   *Person `gorm:"constraint:OnDelete:SET NULL"`
}

// AuditEntry names its table with TableName and turns auto-increment on
// explicitly.
type AuditEntry struct {
	ID      int64  `gorm:"primaryKey;autoIncrement"`
	Actor   string `gorm:"size:100;not null;comment:who acted"`
	Action  string `gorm:"size:40;not null;index"`
	Payload JSON
	At      time.Time `gorm:"not null"`
}

// TableName names the table as GORM's TableName does.
func (AuditEntry) TableName() string { return "audit_log" }

// gormModels is the GORM set, in an order that lists referenced tables first.
var gormModels = []any{
	Customer{}, Address{}, Category{}, Item{}, ItemTag{}, Order{}, OrderLine{},
	Payment{}, Shipment{}, Review{}, Coupon{}, Person{}, AuditEntry{},
}

// The bun model set: the same shop as bun users write it. bun creates no
// foreign keys unless asked (WithForeignKeys), so relations are rel: fields.

// BaseModel stands in for bun.BaseModel.
type BaseModel struct{}

// BunCustomer names its table on BaseModel.
type BunCustomer struct {
	BaseModel `bun:"table:customers,alias:c"`

	ID        int64        `bun:"id,pk,autoincrement"`
	Name      string       `bun:"name,notnull"`
	Email     string       `bun:"email,unique"`
	Tier      CustomerTier `bun:"tier,notnull,default:'basic'"`
	CreatedAt time.Time    `bun:",nullzero,notnull"`
	DeletedAt time.Time    `bun:",soft_delete,nullzero"`
	Orders    []*BunOrder  `bun:"rel:has-many,join:id=customer_id"`
}

// BunCategory takes bun's default name (bun_categories) and a group unique.
type BunCategory struct {
	ID       int64  `bun:",pk,autoincrement"`
	ParentID *int64 `bun:"parent_id,unique:uq_bun_categories_parent_name"`
	Name     string `bun:"name,notnull,type:varchar(80),unique:uq_bun_categories_parent_name"`
}

// BunItem has a JSON map and a serialized list.
type BunItem struct {
	BaseModel `bun:"table:items"`

	ID    int64             `bun:",pk,autoincrement"`
	SKU   string            `bun:"sku,notnull,unique,type:varchar(32)"`
	Price int64             `bun:"price,notnull,default:0"`
	Attrs map[string]string `bun:"attrs"`
	Tags  []string          `bun:"tags"`
	Cat   *BunCategory      `bun:"rel:belongs-to,join:category_id=id"`
	CatID *int64            `bun:"category_id"`
}

// BunOrder belongs to a customer.
type BunOrder struct {
	BaseModel `bun:"table:orders,alias:o"`

	ID         int64        `bun:",pk,autoincrement"`
	CustomerID int64        `bun:"customer_id,notnull"`
	Customer   *BunCustomer `bun:"rel:belongs-to,join:customer_id=id"`
	Status     OrderStatus  `bun:"status,notnull,default:'pending',type:varchar(16)"`
	Total      int64        `bun:"total,notnull,default:0"`
	Note       *string      `bun:"note"`
	PlacedAt   *time.Time   `bun:"placed_at"`
	Version    int          `bun:"version,skipupdate"`
}

// BunOrderLine has a two-column unique group.
type BunOrderLine struct {
	BaseModel `bun:"table:order_lines"`

	ID      int64 `bun:",pk,autoincrement"`
	OrderID int64 `bun:"order_id,notnull,unique:uq_order_lines_order_item"`
	ItemID  int64 `bun:"item_id,notnull,unique:uq_order_lines_order_item"`
	Qty     int32 `bun:"qty,notnull,default:1"`
}

// BunPayment has a decimal amount and a uuid-ish reference.
type BunPayment struct {
	BaseModel `bun:"table:payments"`

	ID        int64         `bun:",pk,autoincrement"`
	OrderID   int64         `bun:"order_id,notnull"`
	Amount    float64       `bun:"amount,notnull,type:numeric(12,2)"`
	Method    PaymentMethod `bun:"method,notnull,type:varchar(20)"`
	Reference string        `bun:"reference,unique,type:varchar(64)"`
	PaidAt    time.Time     `bun:"paid_at,notnull"`
}

// BunShipment embeds an address with a prefix.
type BunShipment struct {
	BaseModel `bun:"table:shipments"`

	ID      int64    `bun:",pk,autoincrement"`
	OrderID int64    `bun:"order_id,notnull,unique"`
	To      BunCoord `bun:"embed:to_"`
}

// BunCoord is embedded in BunShipment.
type BunCoord struct {
	Lat float64
	Lng float64
}

// BunReview has a text body and a small int.
type BunReview struct {
	BaseModel `bun:"table:reviews"`

	ID         int64  `bun:",pk,autoincrement"`
	ItemID     int64  `bun:"item_id,notnull,unique:uq_reviews_item_customer"`
	CustomerID int64  `bun:"customer_id,notnull,unique:uq_reviews_item_customer"`
	Rating     int16  `bun:"rating,notnull"`
	Body       string `bun:"body,type:text"`
}

// BunCoupon has a string key that is not auto-incremented.
type BunCoupon struct {
	BaseModel `bun:"table:coupons"`

	Code      string     `bun:"code,pk,type:varchar(32)"`
	Percent   int8       `bun:"percent,notnull"`
	ExpiresAt *time.Time `bun:"expires_at"`
	Scratch   string     `bun:"-"`
}

// BunAudit has an integer key without autoincrement, and sqlx db tags
// next to bun tags.
type BunAudit struct {
	BaseModel `bun:"table:audit_log"`

	ID    int64  `bun:"id,pk" db:"id"`
	Actor string `bun:"actor,notnull,type:varchar(100)" db:"actor"`
	Data  []byte `bun:"data"`
}

// bunModels is the bun set.
var bunModels = []any{
	BunCustomer{}, BunCategory{}, BunItem{}, BunOrder{}, BunOrderLine{},
	BunPayment{}, BunShipment{}, BunReview{}, BunCoupon{}, BunAudit{},
}
